// A small generated cohort for the cohort tests and benchmark: `count` CT series of `slices`
// slices of size×size int16 pixels, one folder per series, deterministic content (a series'
// pixels follow its index), so two runs over it must give the same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  imageHeader,
  writeDicom,
  type TestElement,
} from '../../../core/dicom/testing/writeDicom.ts';

export interface CohortFixture {
  readonly dir: string;
  readonly series: { readonly uid: string; readonly dir: string; readonly files: string[] }[];
}

function pixels(series: number, z: number, size: number): Uint8Array {
  const out = new Int16Array(size * size);
  let s = (series + 1) * 2654435761 + z * 40503;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const x = i % size;
    const y = Math.floor(i / size);
    const blob = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 3) ** 2 ? 60 + series * 3 : 0;
    out[i] = -100 + blob + ((s >>> 16) % 40);
  }
  return new Uint8Array(out.buffer);
}

/** CT (the default) or CR: radiographs, which the shipped classifier takes (infer cohorts). */
export type CohortModality = 'CT' | 'CR';

const sopClass: Record<CohortModality, string> = {
  CT: '1.2.840.10008.5.1.4.1.1.2',
  CR: '1.2.840.10008.5.1.4.1.1.1',
};

export function sliceFile(
  series: number,
  z: number,
  size: number,
  modality: CohortModality = 'CT',
): { uid: string; bytes: Uint8Array } {
  const uid = `1.2.826.0.1.3680043.10.1.${series + 1}`;
  const tags: TestElement[] = [
    ...imageHeader(size, size, 16, true).filter(
      (t) => !(t.tag[0] === 8 && (t.tag[1] === 0x18 || t.tag[1] === 0x60)),
    ),
    { tag: [0x0008, 0x0016], vr: 'UI', value: sopClass[modality] },
    { tag: [0x0008, 0x0060], vr: 'CS', value: modality },
    { tag: [0x0008, 0x0018], vr: 'UI', value: `${uid}.${z + 1}` },
    { tag: [0x0010, 0x0020], vr: 'LO', value: `PAT${series + 1}` },
    { tag: [0x0018, 0x0050], vr: 'DS', value: '2' },
    { tag: [0x0020, 0x000d], vr: 'UI', value: `1.2.826.0.1.3680043.10.2.${series + 1}` },
    { tag: [0x0020, 0x000e], vr: 'UI', value: uid },
    { tag: [0x0020, 0x0013], vr: 'IS', value: String(z + 1) },
    { tag: [0x0020, 0x0032], vr: 'DS', value: `0\\0\\${2 * z}` },
    { tag: [0x0020, 0x0037], vr: 'DS', value: '1\\0\\0\\0\\1\\0' },
    { tag: [0x0028, 0x0030], vr: 'DS', value: '1\\1' },
    { tag: [0x0028, 0x1052], vr: 'DS', value: '0' },
    { tag: [0x0028, 0x1053], vr: 'DS', value: '1' },
    { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels(series, z, size) },
  ];
  return { uid, bytes: writeDicom(tags) };
}

export async function writeCohort(
  dir: string,
  count: number,
  {
    slices = 4,
    size = 24,
    modality = 'CT',
  }: { slices?: number; size?: number; modality?: CohortModality } = {},
): Promise<CohortFixture> {
  const series: CohortFixture['series'][number][] = [];
  for (let s = 0; s < count; s++) {
    const folder = join(dir, `series-${String(s).padStart(4, '0')}`);
    await mkdir(folder, { recursive: true });
    const files: string[] = [];
    let uid = '';
    for (let z = 0; z < slices; z++) {
      const f = sliceFile(s, z, size, modality);
      uid = f.uid;
      const path = join(folder, `slice-${String(z).padStart(3, '0')}.dcm`);
      await writeFile(path, f.bytes);
      files.push(path);
    }
    series.push({ uid, dir: folder, files });
  }
  return { dir, series };
}

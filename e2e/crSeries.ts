// A small CR chest series for the predictions e2e: reference inputs of the default model (cases
// given by index), each written as a 56x56 16-bit image (every pixel repeated 2x2), one series.
// Area resizing back to 28x28 and min-max scaling give the reference tensor again (to 16-bit
// quantisation), so the page's probabilities can be checked against PyTorch's.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageHeader, writeDicom } from '../src/core/dicom/testing/writeDicom.ts';

export const CR_PATIENT = { name: 'Sample^Chest', id: 'PAT-E2E-4711', birthDate: '19610203' };
export const CR_STUDY = { uid: '1.2.826.0.1.3680043.10.7.1', date: '20190314' };
export const CR_SERIES_UID = '1.2.826.0.1.3680043.10.7.2';
export const crSopUid = (k: number) => `1.2.826.0.1.3680043.10.7.3.${k + 1}`;

interface Reference {
  cases: { input: number[]; probabilities: number[] }[];
}

export function writeCrSeries(cases: readonly number[]): {
  paths: string[];
  probabilities: number[][];
} {
  const ref = JSON.parse(
    readFileSync('public/models/pneumonia-cnn.reference.json', 'utf8'),
  ) as Reference;
  const card = JSON.parse(readFileSync('public/models/pneumonia-cnn.card.json', 'utf8')) as {
    preprocessing: { normalize: { mean: number[]; std: number[] } };
  };
  const { mean, std } = card.preprocessing.normalize;
  const dir = mkdtempSync(join(tmpdir(), 'consilium-cr-series-'));
  const size = 56;
  const paths = cases.map((c, k) => {
    const input = ref.cases[c].input;
    const pixels: number[] = [];
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const v = input[(y >> 1) * 28 + (x >> 1)] * std[0] + mean[0];
        pixels.push(Math.round(Math.min(1, Math.max(0, v)) * 65535));
      }
    const header = imageHeader(size, size, 16, false).filter(
      (e) => !(e.tag[0] === 0x0008 && (e.tag[1] === 0x0060 || e.tag[1] === 0x0018)),
    );
    const bytes = writeDicom([
      ...header,
      { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.1' },
      { tag: [0x0008, 0x0018], vr: 'UI', value: crSopUid(k) },
      { tag: [0x0008, 0x0020], vr: 'DA', value: CR_STUDY.date },
      { tag: [0x0008, 0x0060], vr: 'CS', value: 'CR' },
      { tag: [0x0010, 0x0010], vr: 'PN', value: CR_PATIENT.name },
      { tag: [0x0010, 0x0020], vr: 'LO', value: CR_PATIENT.id },
      { tag: [0x0010, 0x0030], vr: 'DA', value: CR_PATIENT.birthDate },
      { tag: [0x0020, 0x000d], vr: 'UI', value: CR_STUDY.uid },
      { tag: [0x0020, 0x000e], vr: 'UI', value: CR_SERIES_UID },
      { tag: [0x0020, 0x0013], vr: 'IS', value: String(k + 1) },
      { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels },
    ]);
    const path = join(dir, `cr-${k + 1}.dcm`);
    writeFileSync(path, bytes);
    return path;
  });
  return { paths, probabilities: cases.map((c) => ref.cases[c].probabilities) };
}

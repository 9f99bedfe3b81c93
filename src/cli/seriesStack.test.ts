import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { volumeFromFrames } from '../core/analysis/volumeFromFrames.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import { orderInstances } from '../core/dicom/studyIndex.ts';
import { imageHeader, writeDicom, type TestElement } from '../core/dicom/testing/writeDicom.ts';
import { indexSeries } from './io/seriesIndex.ts';
import { stackSeries } from './seriesStack.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Slice {
  /** Image Position (Patient) z: the display order. */
  z: number;
  pixels: number[];
  slope?: string;
  intercept?: string;
  signed?: boolean;
  /** Rows and columns: 2 and 3 unless given. */
  size?: [number, number];
}

/** One slice a file (2 rows, 3 columns unless said), written in the order given (the walk's order, not the display order). */
function writeSeries(slices: Slice[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-stack-'));
  dirs.push(dir);
  slices.forEach((s, k) => {
    const signed = s.signed ?? true;
    const elements: TestElement[] = [
      ...imageHeader(...(s.size ?? [2, 3]), 16, signed).filter((e) => e.tag[1] !== 0x0018),
      { tag: [0x0008, 0x0018], vr: 'UI', value: `1.2.3.4.${k + 1}` },
      { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.3' },
      { tag: [0x0020, 0x000e], vr: 'UI', value: '1.2.3.9' },
      { tag: [0x0020, 0x0032], vr: 'DS', value: `0\\0\\${s.z}` },
      { tag: [0x0020, 0x0037], vr: 'DS', value: '1\\0\\0\\0\\1\\0' },
      { tag: [0x0028, 0x0030], vr: 'DS', value: '0.5\\0.7' },
      { tag: [0x0028, 0x1052], vr: 'DS', value: s.intercept ?? '0' },
      { tag: [0x0028, 0x1053], vr: 'DS', value: s.slope ?? '1' },
      { tag: [0x7fe0, 0x0010], vr: 'OW', value: s.pixels.map((v) => v & 0xffff) },
    ];
    writeFileSync(join(dir, `f${k}.dcm`), writeDicom(elements));
  });
  return dir;
}

/** The series as every frame decoded first, then stacked (the rule the stack must keep). */
async function decodedFirst(dir: string, files: number) {
  const parsed = Array.from({ length: files }, (_, k) => {
    const file = join(dir, `f${k}.dcm`);
    const bytes = new Uint8Array(readFileSync(file));
    const p = parseInstance(bytes, file);
    if (!p.ok) throw new Error(p.error.reason);
    return { meta: p.meta, bytes };
  });
  const metas = orderInstances(parsed.map((p) => p.meta));
  const frames = await Promise.all(
    metas.map((m) => decodeFrame(parsed.find((p) => p.meta === m)!.bytes, m, 0)),
  );
  return volumeFromFrames(metas, frames);
}

async function stacked(dir: string) {
  const { series } = await indexSeries([dir]);
  expect(series).toHaveLength(1);
  const errors: Parameters<typeof stackSeries>[1] = [];
  const s = await stackSeries(series[0], errors);
  expect(errors).toEqual([]);
  return s!.volume();
}

describe('stackSeries', () => {
  it('writes slices as they decode and puts them in display order', async () => {
    const dir = writeSeries([
      { z: 3, pixels: [30, 31, 32, 33, 34, 35] },
      { z: 0, pixels: [0, -1, 2, -3, 4, -5] },
      { z: 2, pixels: [20, 21, 22, 23, 24, 25] },
      { z: 1, pixels: [10, 11, 12, 13, 14, 15], intercept: '-1024' },
    ]);
    const v = await stacked(dir);
    expect(v.values).toBeInstanceOf(Int16Array);
    expect([...v.values]).toEqual([
      ...[0, -1, 2, -3, 4, -5],
      ...[-1014, -1013, -1012, -1011, -1010, -1009],
      ...[20, 21, 22, 23, 24, 25],
      ...[30, 31, 32, 33, 34, 35],
    ]);
    expect(v.dims).toEqual([3, 2, 4]);
    expect(v.spacingMm).toEqual([0.7, 0.5, 1]);
    expect(v).toEqual(await decodedFirst(dir, 4));
  });

  it('promotes to float32 when a later slice has a non-integer rescale', async () => {
    // Read after two int16 slices: without promotion 10.5 would be stored as 10.
    const dir = writeSeries([
      { z: 0, pixels: [1, 2, 3, 4, 5, 6] },
      { z: 2, pixels: [-7, 8, 9, 10, 11, 12] },
      { z: 1, pixels: [21, 22, 23, 24, 25, 26], slope: '0.5' },
    ]);
    const v = await stacked(dir);
    expect(v.values).toBeInstanceOf(Float32Array);
    expect([...v.values.subarray(6, 12)]).toEqual([10.5, 11, 11.5, 12, 12.5, 13]);
    expect([...v.values.subarray(12)]).toEqual([-7, 8, 9, 10, 11, 12]);
    expect(v).toEqual(await decodedFirst(dir, 3));
  });

  it('promotes int16 to uint16, and uint16 to float32, as the values need', async () => {
    const wide = writeSeries([
      { z: 0, pixels: [0, 1, 2, 3, 4, 5], signed: false },
      { z: 1, pixels: [40000, 1, 2, 3, 4, 65535], signed: false },
    ]);
    const u = await stacked(wide);
    expect(u.values).toBeInstanceOf(Uint16Array);
    expect(u).toEqual(await decodedFirst(wide, 2));
    const mixed = writeSeries([
      { z: 0, pixels: [0, 1, 2, 3, 4, 5], signed: false },
      { z: 1, pixels: [40000, 1, 2, 3, 4, 65535], signed: false },
      { z: 2, pixels: [0, 1, 2, 3, 4, 5], signed: false, intercept: '-1' },
    ]);
    const f = await stacked(mixed);
    expect(f.values).toBeInstanceOf(Float32Array);
    expect([...f.values.subarray(6, 12)]).toEqual([40000, 1, 2, 3, 4, 65535]);
    expect(f).toEqual(await decodedFirst(mixed, 3));
  });

  it('says which slice, in display order, differs in size from the first', async () => {
    const dir = writeSeries([
      { z: 2, pixels: [1, 2, 3, 4, 5, 6] },
      { z: 1, pixels: [1, 2, 3, 4, 5, 6], size: [3, 2] },
      { z: 0, pixels: [1, 2, 3, 4, 5, 6] },
    ]);
    const { series } = await indexSeries([dir]);
    const s = (await stackSeries(series[0], []))!;
    expect([s.columns, s.rows]).toEqual([3, 2]);
    expect(() => s.volume()).toThrow(
      expect.objectContaining({
        code: 'shape-mismatch',
        reason: 'Slice 2 is 2x3; features need slices of one size (3x2).',
        file: join(dir, 'f1.dcm'),
      }),
    );
    await expect(decodedFirst(dir, 3)).rejects.toThrow('Slice 2 is 2x3');
  });
});

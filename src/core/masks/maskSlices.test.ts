import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rasteriseShape } from '../analysis/roi/rasterise.ts';
import { maskSlicesOf, maskSummary, sliceRuns } from './maskSlices.ts';
import { readMaskFile } from './readMaskFile.ts';
import { fixtureCt, unpackBits, type Expected } from './testing/fixtures.ts';

const dir = join(import.meta.dirname, 'fixtures');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

describe('mask slices for the workbench', () => {
  it('runs of a slice rasterise back to the same pixels', () => {
    const mask = new Uint8Array([0, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1]);
    const runs = sliceRuns(mask, 0, 4, 3);
    expect(runs).toEqual([1, 2, 4, 4, 11, 1]);
    expect(rasteriseShape({ kind: 'mask', runs }, 4, 3)).toEqual(mask);
  });

  it('summarises an RTSTRUCT and gives a structure as runs per slice of the series', async () => {
    const bytes = read('rtstruct.dcm');
    const source = readMaskFile(bytes, 'rtstruct.dcm');
    if (!source) throw new Error('not a mask');
    const summary = maskSummary(source);
    expect(summary?.kind).toBe('rtstruct');
    expect(summary?.structures[0]).toEqual({ name: 'Ring', number: 1 });
    const { metas } = await fixtureCt(read);
    const r = await maskSlicesOf(bytes, 'rtstruct.dcm', 1, metas);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.name).toBe('Ring');
    expect(r.value.slices.map((s) => s.index)).toEqual([2, 3, 4, 5]);
    const [nx, ny, nz] = expected.dims;
    const want = unpackBits(Buffer.from(expected.rtstruct[0].bits, 'base64'), nx * ny * nz);
    const got = new Uint8Array(nx * ny * nz);
    for (const s of r.value.slices)
      got.set(rasteriseShape({ kind: 'mask', runs: s.runs }, nx, ny), s.index * nx * ny);
    expect(got).toEqual(want);
    const off = await maskSlicesOf(bytes, 'rtstruct.dcm', 4, metas);
    expect(!off.ok && off.error.code).toBe('contour-off-slices');
  });
});

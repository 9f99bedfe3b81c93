// RTSTRUCT import against masks computed outside Consilium (matplotlib's point-in-polygon test on
// voxel centres, even-odd over a slice's contours) for a CT with in-plane rotation, unequal row
// and column spacing and slices stored out of order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roiMasks } from './roiMasks.ts';
import { parseRtStruct } from './rtstruct.ts';
import { fixtureCt, unpackBits, type Expected } from './testing/fixtures.ts';

const dir = join(import.meta.dirname, 'fixtures');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
const voxels = expected.dims[0] * expected.dims[1] * expected.dims[2];

describe('RTSTRUCT masks', () => {
  it('lists the structures by ROI Name and Number, with the series they were drawn on', () => {
    const set = parseRtStruct(read('rtstruct.dcm'), 'rtstruct.dcm');
    expect(set.structures.map((s) => [s.number, s.name])).toEqual([
      [1, 'Ring'],
      [2, 'Blobs'],
      [3, 'Partial'],
      [4, 'OffSlices'],
      [5, 'OutsideImage'],
      [6, 'Marker'],
    ]);
    expect(set.referencedSeriesUIDs).toHaveLength(1);
  });

  it('rasterises each structure bit for bit as the independent reference does', async () => {
    const { grid } = await fixtureCt(read);
    const set = parseRtStruct(read('rtstruct.dcm'), 'rtstruct.dcm');
    const results = await roiMasks(set, grid);
    const byName = new Map(results.flatMap((r) => (r.ok ? [[r.value.name, r.value]] : [])));
    for (const want of expected.rtstruct) {
      const got = byName.get(want.name);
      expect(got?.voxels, want.name).toBe(want.voxels);
      const reference = unpackBits(Buffer.from(want.bits, 'base64'), voxels);
      const mask = got?.mask ?? new Uint8Array(voxels);
      const diff = mask.reduce((n, v, i) => n + (v !== reference[i] ? 1 : 0), 0);
      expect(diff, `${want.name}: voxels that differ`).toBe(0);
    }
  });

  it('a ring drawn as an outer and an inner contour has its hole', async () => {
    const { grid } = await fixtureCt(read);
    const set = parseRtStruct(read('rtstruct.dcm'), 'rtstruct.dcm');
    const [ring] = await roiMasks(set, grid, { structures: ['Ring'] });
    expect(ring.ok).toBe(true);
    if (!ring.ok) return;
    // The inner contour's centre on slice 3 (in-plane 10.3 + 0.4 * 2 mm, 11.2 mm) is outside.
    const [nx, ny] = expected.dims;
    const x = Math.round((10.3 + 0.8) / 0.7);
    const y = Math.round(11.2 / 0.8);
    expect(ring.value.mask[2 * nx * ny + y * nx + x]).toBe(0);
    expect(ring.value.mask.subarray(0, 2 * nx * ny).every((v) => v === 0)).toBe(true);
  });

  it('a structure off the slices, outside the image or without closed contours is one clear error each', async () => {
    const { grid } = await fixtureCt(read);
    const set = parseRtStruct(read('rtstruct.dcm'), 'rtstruct.dcm');
    const results = await roiMasks(set, grid);
    expect(results).toHaveLength(6);
    const errors = Object.fromEntries(
      results.flatMap((r) => (r.ok ? [] : [[r.error.params.structure, r.error.code]])),
    );
    expect(errors).toEqual(expected.rtstructErrors);
    const off = results.find((r) => !r.ok && r.error.code === 'contour-off-slices');
    expect(off && !off.ok && off.error.reason).toMatch(/OffSlices.*matches no slice/);
  });

  it('chooses structures by name, by name in another case, or by number', async () => {
    const { grid } = await fixtureCt(read);
    const set = parseRtStruct(read('rtstruct.dcm'), 'rtstruct.dcm');
    const picked = await roiMasks(set, grid, { structures: ['blobs', '1'] });
    expect(picked.map((r) => r.ok && r.value.name)).toEqual(['Blobs', 'Ring']);
  });

  it('an unknown structure name is an error that lists the names there are', async () => {
    const { grid } = await fixtureCt(read);
    const set = parseRtStruct(read('rtstruct.dcm'), 'rtstruct.dcm');
    const [r] = await roiMasks(set, grid, { structures: ['GTV'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('unknown-structure');
    expect(r.error.reason).toContain('"Ring"');
  });

  it('refuses a structure set on another Frame of Reference', async () => {
    const { grid } = await fixtureCt(read);
    const set = parseRtStruct(read('rtstruct.dcm'), 'rtstruct.dcm');
    const moved = { ...grid, frameOfReferenceUID: '1.2.3.999' };
    const [r] = await roiMasks(set, moved, { structures: ['Ring'] });
    expect(!r.ok && r.error.code).toBe('frame-of-reference-mismatch');
  });
});

// SEG import against masks computed outside Consilium (numpy) for a 1-bit binary SEG whose 30 x 29
// frames are not whole bytes and are stored out of order, and an 8-bit fractional SEG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roiMasks } from './roiMasks.ts';
import { parseSeg } from './seg.ts';
import { fixtureCt, unpackBits, type Expected, type ExpectedMask } from './testing/fixtures.ts';

const dir = join(import.meta.dirname, 'fixtures');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
const voxels = expected.dims[0] * expected.dims[1] * expected.dims[2];

function differing(mask: Uint8Array | undefined, want: ExpectedMask): number {
  const reference = unpackBits(Buffer.from(want.bits, 'base64'), voxels);
  let n = 0;
  for (let i = 0; i < voxels; i++) if ((mask?.[i] ?? 2) !== reference[i]) n++;
  return n;
}

describe('SEG masks', () => {
  it('places each frame of a 1-bit SEG by its plane position, bit for bit', async () => {
    const { grid } = await fixtureCt(read);
    const seg = parseSeg(read('seg_binary.dcm'), 'seg_binary.dcm');
    expect(seg.segments.map((s) => s.label)).toEqual(['Sphere', 'Box', 'Between']);
    const results = await roiMasks(seg, grid);
    for (const want of expected.segBinary) {
      const got = results.find((r) => r.ok && r.value.name === want.name);
      expect(got?.ok, want.name).toBe(true);
      if (!got?.ok) continue;
      expect(got.value.voxels).toBe(want.voxels);
      expect(differing(got.value.mask, want), want.name).toBe(0);
    }
  });

  it('gives the same masks through the decoder as read straight from the bytes', async () => {
    const { grid } = await fixtureCt(read);
    for (const name of ['seg_binary.dcm', 'seg_fractional.dcm']) {
      const seg = parseSeg(read(name), name);
      const decoded = { ...seg, meta: { ...seg.meta, pixelLayout: undefined } };
      const direct = await roiMasks(seg, grid);
      const viaDecoder = await roiMasks(decoded, grid);
      expect(viaDecoder).toEqual(direct);
    }
  });

  it('places a frame that is a whole number of pixels off the slice origin, clipped to the image', async () => {
    const { grid } = await fixtureCt(read);
    const geometry = grid.geometry;
    if (typeof geometry === 'string') throw new Error(geometry);
    const seg = parseSeg(read('seg_binary.dcm'), 'seg_binary.dcm');
    const [dx, dy] = geometry.spacingMm;
    const r = geometry.rowDirection;
    const c = geometry.columnDirection;
    // Every frame 12 columns right and 1 row up: the box (columns 15..25) runs off the right edge.
    const moved = {
      ...seg,
      frames: seg.frames.map((f) => {
        const p = f.position ?? [0, 0, 0];
        const q = [0, 1, 2].map((i) => p[i] + 12 * dx * r[i] - dy * c[i]);
        return { ...f, position: q as [number, number, number] };
      }),
    };
    const [box] = await roiMasks(moved, grid, { structures: ['Box'] });
    if (!box.ok) throw new Error(box.error.reason);
    const [nx, ny, nz] = expected.dims;
    const want = expected.segBinary.find((m) => m.name === 'Box') as ExpectedMask;
    const reference = unpackBits(Buffer.from(want.bits, 'base64'), voxels);
    const shifted = new Uint8Array(voxels);
    for (let z = 0; z < nz; z++)
      for (let y = 1; y < ny; y++)
        for (let x = 0; x + 12 < nx; x++)
          shifted[z * nx * ny + (y - 1) * nx + x + 12] = reference[z * nx * ny + y * nx + x];
    expect(box.value.mask).toEqual(shifted);
  });

  it('a segment whose frame lies between the slices is one error; the others still compute', async () => {
    const { grid } = await fixtureCt(read);
    const seg = parseSeg(read('seg_binary.dcm'), 'seg_binary.dcm');
    const results = await roiMasks(seg, grid);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    const errors = Object.fromEntries(
      results.flatMap((r) => (r.ok ? [] : [[r.error.params.structure, r.error.code]])),
    );
    expect(errors).toEqual(expected.segBinaryErrors);
  });

  it('keeps fractional voxels at or above half the Maximum Fractional Value', async () => {
    const { grid } = await fixtureCt(read);
    const seg = parseSeg(read('seg_fractional.dcm'), 'seg_fractional.dcm');
    expect(seg.fractional).toBe(true);
    const [soft] = await roiMasks(seg, grid);
    expect(soft.ok).toBe(true);
    if (!soft.ok) return;
    const [want] = expected.segFractional;
    expect(soft.value.voxels).toBe(want.voxels);
    expect(differing(soft.value.mask, want)).toBe(0);
    const stricter = await roiMasks(seg, grid, { fractionThreshold: 0.9 });
    expect(stricter[0].ok && stricter[0].value.voxels).toBeLessThan(want.voxels);
  });

  it('chooses a segment by label or by number', async () => {
    const { grid } = await fixtureCt(read);
    const seg = parseSeg(read('seg_binary.dcm'), 'seg_binary.dcm');
    const picked = await roiMasks(seg, grid, { structures: ['2', 'Sphere'] });
    expect(picked.map((r) => r.ok && r.value.name)).toEqual(['Box', 'Sphere']);
  });

  it('refuses frames of another pixel spacing, orientation or Frame of Reference', async () => {
    const { grid } = await fixtureCt(read);
    const seg = parseSeg(read('seg_binary.dcm'), 'seg_binary.dcm');
    const geometry = grid.geometry;
    if (typeof geometry === 'string') throw new Error(geometry);
    const wider = { ...grid, geometry: { ...geometry, spacingMm: [1.4, 0.8] as [number, number] } };
    const [a] = await roiMasks(seg, wider, { structures: ['Sphere'] });
    expect(!a.ok && a.error.code).toBe('seg-grid-mismatch');
    const turned = {
      ...grid,
      geometry: {
        ...geometry,
        rowDirection: geometry.columnDirection,
        columnDirection: geometry.rowDirection,
      },
    };
    const [b] = await roiMasks(seg, turned, { structures: ['Sphere'] });
    expect(!b.ok && b.error.code).toBe('seg-grid-mismatch');
    const [c] = await roiMasks(
      seg,
      { ...grid, frameOfReferenceUID: '1.2.3' },
      { structures: ['Box'] },
    );
    expect(!c.ok && c.error.code).toBe('frame-of-reference-mismatch');
  });
});

// A SEG written by another tool (dcmqi, via pydicom's test files): 1-bit packed, one frame of
// 512 x 512, three per-frame groups for one frame. Its CT is not in the corpus, so the image grid
// is the one the SEG's own geometry describes; pydicom's pixel_array gave the expected counts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../dicom/types.ts';
import { geometryOf, type ImageGrid } from './grid.ts';
import { roiMasks } from './roiMasks.ts';
import { parseSeg } from './seg.ts';

const file = '../shared/data/dicom/seg_1bit_liver_1frame.dcm';
const liverFrame = '1.2.392.200103.20080913.113635.3.2009.6.22.21.44.34.23882.1';

/** A 512 x 512 axial CT grid with slices at these z (mm), as the SEG's CT had. */
function ctGrid(zs: number[], frameOfReferenceUID = liverFrame): ImageGrid {
  const origins = zs.map((z): Vec3 => [-235.2, -226.8, z]);
  const geometry = geometryOf(origins, [1, 0, 0], [0, 1, 0], [0.810547, 0.810547], 1);
  return { columns: 512, rows: 512, slices: zs.length, geometry, frameOfReferenceUID };
}

describe('SEG from dcmqi (1-bit liver)', () => {
  const seg = parseSeg(new Uint8Array(readFileSync(file)), file);

  it('reads its segment, type and frame position', () => {
    expect(seg.segments).toEqual([{ number: 1, label: 'Liver' }]);
    expect(seg.fractional).toBe(false);
    expect(seg.frames).toHaveLength(1);
    expect(seg.frames[0].position).toEqual([-235.2, -226.8, -128.69]);
    expect(seg.referencedSeriesUIDs).toEqual([
      '1.2.392.200103.20080913.113635.1.2009.6.22.21.43.10.23430.1',
    ]);
  });

  it('places the frame on the slice at its position: 36,233 voxels, as pydicom unpacks them', async () => {
    const grid = ctGrid([-129.69, -128.69, -127.69]);
    const [liver] = await roiMasks(seg, grid, { structures: ['Liver'] });
    if (!liver.ok) throw new Error(liver.error.reason);
    expect(liver.value.voxels).toBe(36233);
    const plane = 512 * 512;
    const slices = [0, 1, 2].map((k) =>
      liver.value.mask.subarray(k * plane, (k + 1) * plane).reduce((n, v) => n + v, 0),
    );
    expect(slices).toEqual([0, 36233, 0]);
    // pydicom: rows 145..366, columns 79..350.
    let [r0, r1, c0, c1] = [512, -1, 512, -1];
    liver.value.mask.subarray(plane, 2 * plane).forEach((v, i) => {
      if (!v) return;
      const [r, c] = [Math.floor(i / 512), i % 512];
      [r0, r1, c0, c1] = [Math.min(r0, r), Math.max(r1, r), Math.min(c0, c), Math.max(c1, c)];
    });
    expect([r0, r1, c0, c1]).toEqual([145, 366, 79, 350]);
  });

  it('a CT without a slice at the frame, or on another Frame of Reference, is a clear error', async () => {
    const [off] = await roiMasks(seg, ctGrid([-140, -139, -138]));
    expect(!off.ok && off.error.code).toBe('seg-frame-off-slices');
    const [other] = await roiMasks(seg, ctGrid([-128.69], '1.2.3.4'));
    expect(!other.ok && other.error.code).toBe('frame-of-reference-mismatch');
  });
});

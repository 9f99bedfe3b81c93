import { describe, expect, it } from 'vitest';
import * as dicomParser from 'dicom-parser';
import { demoSliceFile, makeDemoSeries, newDemoContext } from './demoSeries.ts';
import { PHANTOM_NOISE_HU, PhantomHu, phantomSpacingMm } from './phantom.ts';

function huAt(bytes: Uint8Array, row: number, col: number): number {
  const ds = dicomParser.parseDicom(bytes);
  const px = ds.elements.x7fe00010;
  const columns = ds.uint16('x00280011')!;
  const view = new DataView(bytes.buffer, bytes.byteOffset + px.dataOffset, px.length);
  const stored = view.getInt16((row * columns + col) * 2, true);
  return stored * Number(ds.string('x00281053')) + Number(ds.string('x00281052'));
}

describe('demo CT series', () => {
  const ctx = newDemoContext({ slices: 40, size: 256 });
  const top = demoSliceFile(ctx, 30); // lungs and lesion level (z = 26.25 mm)
  const bottom = demoSliceFile(ctx, 3); // liver level

  it('is explicit-VR little-endian Part 10 with the CT header a viewer needs', () => {
    const ds = dicomParser.parseDicom(top.bytes);
    expect(ds.string('x00020010')).toBe('1.2.840.10008.1.2.1');
    expect(ds.string('x00080016')).toBe('1.2.840.10008.5.1.4.1.1.2');
    expect(ds.string('x00020003')).toBe(ds.string('x00080018'));
    expect(ds.string('x0020000d')).toBe(ctx.studyInstanceUID);
    expect(ds.string('x0020000d')).toMatch(/^2\.25\.\d+$/);
    expect(ds.uint16('x00280010')).toBe(256);
    expect(ds.uint16('x00280103')).toBe(1);
    expect(ds.string('x00281052')).toBe('-1024');
    expect(ds.string('x00200013')).toBe('31');
    expect(ds.string('x00281050')).toBe('40\\-600');
    expect(ds.elements.x7fe00010.length).toBe(256 * 256 * 2);
    const ipp = ds.string('x00200032')!.split('\\').map(Number);
    expect(ipp[0]).toBeCloseTo(-175 + phantomSpacingMm(256) / 2, 4);
    expect(ipp[2]).toBeCloseTo(-50 + 2.5 * 30.5, 4); // 2.5 mm slices over 100 mm
  });

  it('stores Hounsfield units as designed: air, soft tissue, bone, lung, liver', () => {
    const near = (v: number, hu: number) =>
      expect(Math.abs(v - hu)).toBeLessThanOrEqual(PHANTOM_NOISE_HU);
    expect(huAt(top.bytes, 2, 2)).toBe(PhantomHu.air);
    // Pixel (row, col) of patient point (x, y) mm: (y + 175) / spacing.
    const px = (mm: number) => Math.floor((mm + 175) / phantomSpacingMm(256));
    near(huAt(top.bytes, px(80), px(0)), PhantomHu.cancellousBone);
    near(huAt(top.bytes, px(-5), px(-75)), PhantomHu.lung);
    near(huAt(top.bytes, px(-15), px(80)), PhantomHu.lesion);
    near(huAt(top.bytes, px(-60), px(0)), PhantomHu.softTissue);
    near(huAt(bottom.bytes, px(5), px(-65)), PhantomHu.liver);
    near(huAt(bottom.bytes, px(-5), px(75)), PhantomHu.softTissue);
  });

  it('gives every slice its own instance UID and position, sharing study and series', () => {
    const files = makeDemoSeries({ slices: 5, size: 32 });
    const sets = files.map((f) => dicomParser.parseDicom(f.bytes));
    expect(new Set(sets.map((s) => s.string('x00080018'))).size).toBe(5);
    expect(new Set(sets.map((s) => s.string('x0020000e'))).size).toBe(1);
    const z = sets.map((s) => Number(s.string('x00200032')!.split('\\')[2]));
    expect(z).toEqual([-40, -20, 0, 20, 40]);
    expect(files.map((f) => f.name)[4]).toBe('demo-ct-0005.dcm');
  });
});

// The demo series read back by Consilium's own reader and decoder: what the viewer will get.
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../decode.ts';
import { parseInstance } from '../parse.ts';
import { buildIndex } from '../studyIndex.ts';
import { demoSliceFile, newDemoContext } from './demoSeries.ts';
import { PHANTOM_NOISE_HU, PhantomHu, phantomSpacingMm } from './phantom.ts';

describe('demo series through parseInstance and decodeFrame', () => {
  const ctx = newDemoContext({ slices: 8, size: 64 });
  const files = Array.from({ length: 8 }, (_, k) => demoSliceFile(ctx, k));
  const metas = files.map((f) => {
    const r = parseInstance(f.bytes, f.name);
    if (!r.ok) throw new Error(r.error.reason);
    return r.meta;
  });

  it('parses as one CT series with HU rescale, spacing and the two window presets', () => {
    const m = metas[0];
    expect(m.modality).toBe('CT');
    expect([m.rows, m.columns, m.frames, m.bitsStored, m.pixelRepresentation]).toEqual([
      64, 64, 1, 16, 1,
    ]);
    expect([m.rescaleSlope, m.rescaleIntercept]).toEqual([1, -1024]);
    expect(m.pixelSpacingMm![0]).toBeCloseTo(phantomSpacingMm(64), 5);
    expect(m.sliceThicknessMm).toBe(12.5);
    expect(m.windows.map((w) => [w.center, w.width, w.explanation])).toEqual([
      [40, 400, 'ABDOMEN'],
      [-600, 1500, 'LUNG'],
    ]);
    const series = buildIndex(metas)[0].studies[0].series;
    expect(series).toHaveLength(1);
    expect(series[0].instances.map((i) => i.instanceNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('decodes to Hounsfield units: air -1000, body soft tissue 40 ± noise, bone up to 1000', async () => {
    const frame = await decodeFrame(files[6].bytes, metas[6], 0);
    expect(frame.values[0]).toBe(PhantomHu.air);
    expect(frame.min).toBe(PhantomHu.air);
    expect(frame.max).toBeGreaterThanOrEqual(PhantomHu.corticalBone - PHANTOM_NOISE_HU);
    expect(frame.max).toBeLessThanOrEqual(PhantomHu.corticalBone + PHANTOM_NOISE_HU);
    // Patient point (0, -60) mm: anterior soft tissue.
    const px = (mm: number) => Math.floor((mm + 175) / phantomSpacingMm(64));
    const v = frame.values[px(-60) * 64 + px(0)];
    expect(Math.abs(v - PhantomHu.softTissue)).toBeLessThanOrEqual(PHANTOM_NOISE_HU);
    expect(frame.invert).toBe(false);
  });
});

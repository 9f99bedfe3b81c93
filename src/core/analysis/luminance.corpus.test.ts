// Colour images are analysed on their BT.601 luminance: whole-image features of real colour files
// (RGB, YBR_FULL_422, RLE RGB) from the shared corpus, where analysis used to fail. The reference
// means are pydicom's pixels weighted 0.299/0.587/0.114 in NumPy
// (tools/analysis/luma_reference.py prints them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../dicom/decode.ts';
import { parseInstance } from '../dicom/parse.ts';
import { wholeImageFeatures } from '../pipeline/seriesFeatures.ts';
import { defaultParams } from './params.ts';

const corpus = join(process.cwd(), '../shared/data/dicom');

const reference = [
  { file: 'pd_examples_rgb_color.dcm', mean: 35.3313962, min: 0, max: 255 },
  { file: 'us_ybr_full_422.dcm', mean: 15.6340168, min: 0, max: 255 },
  { file: 'pd_SC_rgb_rle.dcm', mean: 127.7, min: 0, max: 255 },
];

function feature(features: { ibsiCode: string; value: number }[], code: string): number {
  const f = features.find((x) => x.ibsiCode === code);
  if (!f) throw new Error(`no feature ${code}`);
  return f.value;
}

describe('colour images analysed on BT.601 luminance', () => {
  for (const ref of reference) {
    it(`${ref.file}: whole-image mean intensity is the luma mean`, async () => {
      const bytes = new Uint8Array(readFileSync(join(corpus, ref.file)));
      const parsed = parseInstance(bytes, ref.file);
      if (!parsed.ok) throw new Error(parsed.error.reason);
      const meta = parsed.meta;
      const series = {
        seriesInstanceUid: meta.seriesInstanceUID,
        metas: [meta],
        frame: (i: number) => decodeFrame(bytes, meta, i),
      };
      const r = await wholeImageFeatures(series, defaultParams);
      const features = r.set.features;
      // Mean (Q4LE), minimum (1GSF) and maximum (84IY) on the luma image.
      expect(feature(features, 'Q4LE')).toBeCloseTo(ref.mean, 2);
      expect(feature(features, '1GSF')).toBeCloseTo(ref.min, 4);
      expect(feature(features, '84IY')).toBeCloseTo(ref.max, 4);
      expect(r.set.roiVoxels).toBe(meta.rows * meta.columns);
    });
  }
});

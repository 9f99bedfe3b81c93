// The demo CT (256x256 slices) and the job an analysis worker runs on it, for the feature-job
// benchmarks (analysisJobs, morphology).
import type { FamilyId } from '../src/core/analysis/featureDef.ts';
import { runRoiFeaturesJob } from '../src/core/analysis/jobs/roiFeaturesJob.ts';
import type { RoiShape } from '../src/core/analysis/roi/shapes.ts';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';

/** Modality values of n demo CT slices, decoded from the DICOM the generator writes. */
export async function demoSlices(n: number): Promise<Float32Array[]> {
  const ctx = newDemoContext({ slices: n, size: 256 });
  const out: Float32Array[] = [];
  for (let k = 0; k < n; k++) {
    const f = demoSliceFile(ctx, k);
    const p = parseInstance(f.bytes, f.name);
    if (!p.ok) throw new Error(p.error.reason);
    out.push((await decodeFrame(f.bytes, p.meta, 0)).values);
  }
  return out;
}

/** One ROI job over the slices (the same shape on each), 32 bins, distance 1. */
export function demoJob(
  slices: Float32Array[],
  shape: RoiShape,
  aggregation: '2d-avg' | '3d-merged',
  families: readonly FamilyId[],
): () => unknown {
  const values = new Float32Array(256 * 256 * slices.length);
  slices.forEach((s, z) => values.set(s, z * 256 * 256));
  return () =>
    runRoiFeaturesJob({
      values,
      width: 256,
      height: 256,
      spacingMm: [1.367188, 1.367188, 2.5],
      shapes: slices.map(() => shape),
      params: {
        discretisation: { kind: 'bin-count', binCount: 32 },
        aggregation,
        distance: 1,
        ngldmAlpha: 0,
      },
      families,
      histogramBins: 64,
    });
}

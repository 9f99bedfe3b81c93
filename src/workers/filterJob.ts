// What the filter worker does, apart from the messaging (so Node tests run the same code): a
// series' frames stacked into one volume, then core's filter (the CLI's `consilium filter` call)
// for the response map, or core's filtered-feature step (the CLI's `features --filter` call) for
// the features of a ROI on the filtered image. Progress is reported per slice read, then per step.
import type { FamilyId } from '../core/analysis/featureDef.ts';
import { roiHistogram, type RoiHistogram } from '../core/analysis/jobs/roiHistogram.ts';
import type { FeatureValue } from '../core/analysis/computeFeatures.ts';
import { roiOfJob } from '../core/analysis/jobs/roiFeaturesJob.ts';
import { greyPixels } from '../core/analysis/luminance.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import { cropToMask } from '../core/analysis/roi/cropToMask.ts';
import type { RoiShape } from '../core/analysis/roi/shapes.ts';
import type { SpacingMm } from '../core/analysis/volume.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import { filterResponse } from '../core/filters/applyFilter.ts';
import { filteredRoiFeatures } from '../core/filters/filteredFeatures.ts';
import { filterLabel, parseFilterOptions, type FilterOptions } from '../core/filters/spec.ts';
import { ProblemError } from '../core/result.ts';
import type { FrameSource } from './analysis.worker.ts';

/** Where a job is: the share done (0–1) and the step ('read', 'filter', 'features'). */
export type FilterProgress = (done: number, step: 'read' | 'filter' | 'features') => void;

export interface FilterResponseRequest {
  /** The series' frames in display order. */
  sources: FrameSource[];
  spacingMm: SpacingMm;
  /** The filter as option values (`consilium filter`'s flags, or a parsed `--filter` string). */
  filter: FilterOptions;
}

export interface FilterResponseMap {
  /** The response, x fastest, then y, then slice (display order). */
  values: Float32Array<ArrayBuffer>;
  dims: [number, number, number];
  /** The filter's canonical spec. */
  filter: string;
  min: number;
  max: number;
  /** The 1st and 99th percentiles: a window that shows the response without its extremes. */
  low: number;
  high: number;
}

export interface FilteredFeaturesRequest extends FilterResponseRequest {
  /** The ROI's shape on each frame of the series, null where it has none. */
  shapes: (RoiShape | null)[];
  params: FeatureParams;
  families: FamilyId[];
  modality: string;
  histogramBins: number;
}

export interface FilteredFeaturesReply {
  filter: string;
  params: FeatureParams;
  roiVoxels: number;
  /** Each feature with its filter: its identity is its IBSI code and the filter. */
  features: (FeatureValue & { filter: string })[];
  /** The response inside the ROI. */
  histogram: RoiHistogram;
}

// The last file read, so the frames of a multi-frame instance read it once.
let last: { blob: Blob; bytes: Promise<Uint8Array> } | null = null;

function bytesOf(blob: Blob): Promise<Uint8Array> {
  if (last?.blob !== blob)
    last = { blob, bytes: blob.arrayBuffer().then((b) => new Uint8Array(b)) };
  return last.bytes;
}

async function pixelsOf(src: FrameSource) {
  if (src.kind !== 'file') return { values: src.values, w: src.columns, h: src.rows };
  const f = greyPixels(await decodeFrame(await bytesOf(src.blob), src.meta, src.frame));
  return { values: f.values, w: f.columns, h: f.rows };
}

/** The frames as one volume, read one at a time (peak: the volume and one slice). */
export async function stackFrames(sources: readonly FrameSource[], progress?: FilterProgress) {
  if (sources.length === 0) throw new ProblemError('no-images', 'The series has no images.');
  let volume: Float32Array<ArrayBuffer> | null = null;
  let [w, h] = [0, 0];
  for (let z = 0; z < sources.length; z++) {
    const f = await pixelsOf(sources[z]);
    if (!volume) {
      [w, h] = [f.w, f.h];
      volume = new Float32Array(w * h * sources.length);
    }
    if (f.w !== w || f.h !== h)
      throw new ProblemError('shape-mismatch', `Slice ${z + 1} is ${f.w}x${f.h}, not ${w}x${h}.`, {
        slice: z + 1,
      });
    volume.set(f.values, z * w * h);
    progress?.((z + 1) / sources.length, 'read');
  }
  return { values: volume!, dims: [w, h, sources.length] as [number, number, number] };
}

/** Range and 1st/99th percentiles, the percentiles from an even sample of at most 65,536. */
export function responseRange(values: Float32Array) {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const step = Math.max(1, Math.floor(values.length / 65536));
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += step)
    if (Number.isFinite(values[i])) sample.push(values[i]);
  sample.sort((a, b) => a - b);
  const at = (q: number) => sample[Math.min(sample.length - 1, Math.floor(q * sample.length))] ?? 0;
  return { min, max, low: at(0.01), high: at(0.99) };
}

export async function filterResponseJob(
  req: FilterResponseRequest,
  progress?: FilterProgress,
): Promise<FilterResponseMap> {
  const spec = parseFilterOptions(req.filter);
  const { values, dims } = await stackFrames(req.sources, progress);
  progress?.(0, 'filter');
  const response = filterResponse({ values, dims, spacingMm: req.spacingMm }, spec);
  progress?.(1, 'filter');
  // A response is a fresh array; copied only if a kernel handed back a view of shared memory.
  const out =
    response.buffer instanceof ArrayBuffer && response.byteLength === response.buffer.byteLength
      ? (response as Float32Array<ArrayBuffer>)
      : new Float32Array(response);
  return { values: out, dims, filter: filterLabel(spec), ...responseRange(out) };
}

export async function filteredFeaturesJob(
  req: FilteredFeaturesRequest,
  progress?: FilterProgress,
): Promise<FilteredFeaturesReply> {
  const spec = parseFilterOptions(req.filter);
  const { values, dims } = await stackFrames(req.sources, progress);
  const roi = roiOfJob({
    values,
    width: dims[0],
    height: dims[1],
    spacingMm: req.spacingMm,
    shapes: req.shapes,
    params: req.params,
    families: req.families,
    histogramBins: req.histogramBins,
  });
  let histogram: RoiHistogram = { min: 0, max: 0, counts: [] };
  progress?.(0, 'features');
  const set = filteredRoiFeatures(roi, req.params, spec, {
    modality: req.modality,
    families: req.families,
    onResponse: (r) => {
      // Only the mask's voxels count, so the box around it gives the same histogram.
      const box = cropToMask(r).roi;
      histogram = roiHistogram(box.values, box.mask, req.histogramBins);
    },
  });
  progress?.(1, 'features');
  return {
    filter: set.filter,
    params: set.params,
    roiVoxels: set.roiVoxels,
    // A response is not in the image's unit (HU), as `consilium features --filter` says.
    features: set.features.map((f) => ({ ...f, unit: f.unit.replace('I', 'response') })),
    histogram,
  };
}

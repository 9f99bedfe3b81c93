// Occlusion sensitivity: slide a patch of `fill` over the model input and record how much the
// target label's probability drops. Occluded copies run through the classifier in batches,
// reporting progress and stopping when the signal aborts.
import { type AbortSignalLike, throwIfAborted } from './abort.ts';
import type { Classifier } from './classifier.ts';

export interface OcclusionOptions {
  /** Patch side in model pixels. */
  patch: number;
  stride: number;
  /** Value written into the occluded patch, in model-input units (0 = the training mean). */
  fill?: number;
  /** Label whose probability is explained; default: the predicted one. */
  label?: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignalLike;
}

export interface OcclusionMap {
  width: number;
  height: number;
  label: string;
  baseline: number;
  /** Mean drop in probability over the patches covering each pixel (positive: evidence for). */
  map: Float32Array;
}

/** Patch origins along one axis, the last one flush with the far edge. */
export function patchOrigins(size: number, patch: number, stride: number): number[] {
  const last = Math.max(0, size - patch);
  const origins: number[] = [];
  for (let o = 0; o < last; o += stride) origins.push(o);
  origins.push(last);
  return origins;
}

export async function occlusionMap(
  classifier: Classifier,
  input: Float32Array,
  options: OcclusionOptions,
): Promise<OcclusionMap> {
  const { card } = classifier;
  if (card.input.kind !== 'image') throw new Error('occlusion needs an image model');
  const [, channels, height, width] = card.input.shape;
  const { patch, stride, fill = 0, batchSize = 32, onProgress, signal } = options;
  const file = card.model.file;
  const labels = card.output.labels;

  const [base] = (await classifier.probabilities([input], signal)).probabilities;
  let target = labels.indexOf(options.label ?? '');
  if (target < 0) target = base.indexOf(Math.max(...base));
  const baseline = base[target];

  const positions: [number, number][] = [];
  for (const y of patchOrigins(height, patch, stride)) {
    for (const x of patchOrigins(width, patch, stride)) positions.push([x, y]);
  }
  const sum = new Float64Array(width * height);
  const hits = new Uint32Array(width * height);
  const plane = width * height;
  onProgress?.(0, positions.length);
  for (let start = 0; start < positions.length; start += batchSize) {
    throwIfAborted(signal, file);
    const chunk = positions.slice(start, start + batchSize);
    const copies = chunk.map(([x0, y0]) => {
      const copy = Float32Array.from(input);
      for (let c = 0; c < channels; c++) {
        for (let y = y0; y < Math.min(y0 + patch, height); y++) {
          const row = c * plane + y * width;
          copy.fill(fill, row + x0, row + Math.min(x0 + patch, width));
        }
      }
      return copy;
    });
    const { probabilities } = await classifier.probabilities(copies, signal);
    chunk.forEach(([x0, y0], i) => {
      const drop = baseline - probabilities[i][target];
      for (let y = y0; y < Math.min(y0 + patch, height); y++) {
        for (let x = x0; x < Math.min(x0 + patch, width); x++) {
          sum[y * width + x] += drop;
          hits[y * width + x]++;
        }
      }
    });
    onProgress?.(Math.min(start + batchSize, positions.length), positions.length);
  }
  const map = new Float32Array(plane);
  for (let i = 0; i < plane; i++) map[i] = hits[i] > 0 ? sum[i] / hits[i] : 0;
  return { width, height, label: labels[target], baseline, map };
}

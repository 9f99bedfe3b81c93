// Maps modality values to [0, 1] the way the model card says (min-max, percentile, window, the
// file's own VOI window, or a fixed range). Values outside the range are clipped.
import type { Intensity } from './modelCard.ts';

export interface VoiWindow {
  center: number;
  width: number;
}

/** The [low, high] range of modality values that maps to [0, 1]. */
export function intensityRange(
  values: Float32Array,
  intensity: Intensity,
  windows: readonly VoiWindow[] = [],
): [number, number] {
  switch (intensity.method) {
    case 'minmax':
      return minMax(values);
    case 'percentile':
      return [percentile(values, intensity.lowPercent), percentile(values, intensity.highPercent)];
    case 'window':
      return windowRange(intensity.center, intensity.width);
    case 'voi': {
      // The file's first VOI preset, as a viewer would show it; min-max when the file has none.
      const w = windows.find((v) => v.width > 0);
      return w ? windowRange(w.center, w.width) : minMax(values);
    }
    case 'fixed':
      return [intensity.min, intensity.max];
  }
}

/** Window centre/width to a linear range (centre +- width/2). */
function windowRange(center: number, width: number): [number, number] {
  return [center - width / 2, center + width / 2];
}

/** In place: v -> clamp((v - low) / (high - low), 0, 1); a flat image becomes all zeros. */
export function applyRange(values: Float32Array, low: number, high: number): void {
  const span = high - low;
  if (!(span > 0)) {
    values.fill(0);
    return;
  }
  for (let i = 0; i < values.length; i++) {
    const v = (values[i] - low) / span;
    values[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
}

export function minMax(values: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** NumPy's default ("linear") percentile: interpolates between the two nearest ranks. */
export function percentile(values: Float32Array, percent: number): number {
  const sorted = Float32Array.from(values).sort();
  const pos = (percent / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

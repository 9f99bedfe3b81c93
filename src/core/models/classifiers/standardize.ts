// Standardization as sklearn's StandardScaler does it: population variance (ddof 0), and a
// feature with zero variance is left unscaled (scale 1) rather than divided by zero.
import type { Matrix } from './matrix.ts';

export interface Scaler {
  readonly mean: Float64Array;
  readonly scale: Float64Array;
}

export function fitScaler(x: Matrix): Scaler {
  const { rows, cols, data } = x;
  const mean = new Float64Array(cols);
  const scale = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const r = i * cols;
    for (let j = 0; j < cols; j++) mean[j] += data[r + j];
  }
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  for (let i = 0; i < rows; i++) {
    const r = i * cols;
    for (let j = 0; j < cols; j++) {
      const d = data[r + j] - mean[j];
      scale[j] += d * d;
    }
  }
  for (let j = 0; j < cols; j++) {
    const sd = Math.sqrt(scale[j] / rows);
    // sklearn's _handle_zeros_in_scale: a near-constant feature keeps scale 1.
    scale[j] = sd < 10 * Number.EPSILON * Math.max(1, Math.abs(mean[j])) ? 1 : sd;
  }
  return { mean, scale };
}

export function applyScaler(s: Scaler, x: Matrix): Matrix {
  const { rows, cols, data } = x;
  const out = new Float64Array(data.length);
  for (let i = 0; i < rows; i++) {
    const r = i * cols;
    for (let j = 0; j < cols; j++) out[r + j] = (data[r + j] - s.mean[j]) / s.scale[j];
  }
  return { rows, cols, data: out };
}

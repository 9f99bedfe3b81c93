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
  // Both sums run down each column in case order, four cases per sweep: each column's running
  // sum is read and written once per four cases instead of once per case (the same additions
  // in the same order, so the same result).
  const quads = rows - (rows % 4);
  for (let i = 0; i < quads; i += 4) {
    const r0 = i * cols;
    const r1 = r0 + cols;
    const r2 = r1 + cols;
    const r3 = r2 + cols;
    for (let j = 0; j < cols; j++)
      mean[j] = mean[j] + data[r0 + j] + data[r1 + j] + data[r2 + j] + data[r3 + j];
  }
  for (let i = quads; i < rows; i++) {
    const r = i * cols;
    for (let j = 0; j < cols; j++) mean[j] += data[r + j];
  }
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  for (let i = 0; i < quads; i += 4) {
    const r0 = i * cols;
    const r1 = r0 + cols;
    const r2 = r1 + cols;
    const r3 = r2 + cols;
    for (let j = 0; j < cols; j++) {
      const m = mean[j];
      const d0 = data[r0 + j] - m;
      const d1 = data[r1 + j] - m;
      const d2 = data[r2 + j] - m;
      const d3 = data[r3 + j] - m;
      scale[j] = scale[j] + d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
    }
  }
  for (let i = quads; i < rows; i++) {
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

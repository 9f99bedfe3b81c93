// fitScaler sums four cases per sweep; these are the plain two-pass sums it must equal bit for
// bit (the same additions in the same order), on a case count that leaves a remainder.
import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.ts';
import { fitScaler } from './standardize.ts';

function plainScaler(rows: number, cols: number, data: Float64Array) {
  const mean = new Float64Array(cols);
  const scale = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += data[i * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) scale[j] += (data[i * cols + j] - mean[j]) ** 2;
  for (let j = 0; j < cols; j++) {
    const sd = Math.sqrt(scale[j] / rows);
    scale[j] = sd < 10 * Number.EPSILON * Math.max(1, Math.abs(mean[j])) ? 1 : sd;
  }
  return { mean, scale };
}

describe('fitScaler', () => {
  it('equals the plain two-pass mean and standard deviation bit for bit', () => {
    const random = seededRandom(5);
    for (const rows of [103, 4, 3, 1]) {
      const cols = 7;
      const data = Float64Array.from(
        { length: rows * cols },
        (_, k) => 1e3 * (k % cols) + (random.next() - 0.5) * (1 + (k % 3)),
      );
      for (let i = 0; i < rows; i++) data[i * cols + 4] = 42; // a constant feature keeps scale 1
      const s = fitScaler({ rows, cols, data });
      const plain = plainScaler(rows, cols, data);
      expect(Array.from(s.mean)).toEqual(Array.from(plain.mean));
      expect(Array.from(s.scale)).toEqual(Array.from(plain.scale));
      expect(s.scale[4]).toBe(1);
    }
  });
});

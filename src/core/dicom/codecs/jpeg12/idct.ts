// 8x8 inverse DCT (T.81 A.3.3), separable, in floating point: exact enough for 12-bit samples.
const cosines = new Float64Array(64);
for (let x = 0; x < 8; x++) {
  for (let u = 0; u < 8; u++) {
    const c = u === 0 ? Math.SQRT1_2 : 1;
    cosines[x * 8 + u] = (c * Math.cos(((2 * x + 1) * u * Math.PI) / 16)) / 2;
  }
}

const rows = new Float64Array(64);

/** Dequantised coefficients (natural order) to level-shifted, clamped samples. */
export function inverseDct(coefficients: Float64Array, out: Float64Array, precision: number): void {
  for (let v = 0; v < 8; v++) {
    for (let x = 0; x < 8; x++) {
      let sum = 0;
      for (let u = 0; u < 8; u++) sum += cosines[x * 8 + u] * coefficients[v * 8 + u];
      rows[v * 8 + x] = sum;
    }
  }
  const shift = 1 << (precision - 1);
  const max = (1 << precision) - 1;
  for (let x = 0; x < 8; x++) {
    for (let y = 0; y < 8; y++) {
      let sum = 0;
      for (let v = 0; v < 8; v++) sum += cosines[y * 8 + v] * rows[v * 8 + x];
      const sample = Math.round(sum + shift);
      out[y * 8 + x] = sample < 0 ? 0 : sample > max ? max : sample;
    }
  }
}

/** Zig-zag position → natural (row-major) position within the 8x8 block (T.81 Figure A.6). */
// prettier-ignore
export const zigZag = new Uint8Array([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27,
  20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58,
  59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
]);

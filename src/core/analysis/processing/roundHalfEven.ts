// Rounding to the nearest integer, halves to the even neighbour: numpy's round, which the IBSI
// reference implementation applies to interpolated CT, so 10.5 HU becomes 10 and 11.5 HU 12.

export function roundHalfEven(values: Float32Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let r = Math.round(v);
    if (r - v === 0.5 && r % 2 !== 0) r -= 1;
    values[i] = r;
  }
}

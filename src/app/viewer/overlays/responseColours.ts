// A filter response slice as colours: the window [low, high] mapped onto a perceptual
// blue-green-yellow-red scale (low responses blue, high red), every pixel opaque; the overlay's
// opacity is applied when it is drawn.

// Stops of the scale, evenly spaced from low to high.
const stops: readonly (readonly [number, number, number])[] = [
  [48, 18, 59],
  [70, 134, 251],
  [27, 229, 181],
  [164, 252, 60],
  [251, 185, 56],
  [228, 70, 10],
  [122, 4, 3],
];

/** 256 RGB entries interpolated between the stops. */
const lut = (() => {
  const out = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const x = (i / 255) * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(x));
    const f = x - k;
    for (let c = 0; c < 3; c++)
      out[i * 3 + c] = Math.round(stops[k][c] + (stops[k + 1][c] - stops[k][c]) * f);
  }
  return out;
})();

/** RGBA bytes of `values` (one slice) under the window [low, high]. */
export function responseRgba(
  values: Float32Array,
  low: number,
  high: number,
): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(values.length * 4);
  const scale = high > low ? 255 / (high - low) : 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const k = v <= low ? 0 : v >= high ? 255 : Math.round((v - low) * scale);
    rgba[i * 4] = lut[k * 3];
    rgba[i * 4 + 1] = lut[k * 3 + 1];
    rgba[i * 4 + 2] = lut[k * 3 + 2];
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

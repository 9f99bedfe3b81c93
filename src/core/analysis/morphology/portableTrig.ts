// cos and sin of 2π·num/den from + and × only. Math.cos/sin may differ in the last bit between
// JavaScript engines (V8 in Chromium uses the C library's trig, Node 20's V8 its own fdlibm
// port), which made the FFT-summed Moran's I differ between the workbench and the CLI at 1e-10.
// Basic IEEE operations round the same everywhere, so these twiddles, and every value built on
// them, are the same bits in every engine.

const halfPi = Math.PI / 2;

/** sin and cos of x in [0, π/4] by their Taylor series (terms to x^25: error below 1e-17). */
function sinCosFirstOctant(x: number): [sin: number, cos: number] {
  const x2 = x * x;
  let s = 0;
  let c = 0;
  // Horner from the smallest term: s = x(1 - x²/3!(1 - x²/(4·5)(1 - …))), c likewise.
  for (let k = 12; k >= 1; k--) {
    s = (x2 / (2 * k * (2 * k + 1))) * (1 - s);
    c = (x2 / ((2 * k - 1) * (2 * k))) * (1 - c);
  }
  return [x * (1 - s), 1 - c];
}

/** [cos, sin] of 2π·num/den for integers num and den > 0 (zeros are +0). */
export function cosSin2Pi(num: number, den: number): [cos: number, sin: number] {
  const t = ((num % den) + den) % den;
  const quadrant = Math.floor((4 * t) / den);
  let r = 4 * t - quadrant * den; // angle within the quadrant = (π/2)·r/den
  const complement = 2 * r > den;
  if (complement) r = den - r;
  const [s0, c0] = sinCosFirstOctant(halfPi * (r / den));
  const [c1, s1] = complement ? [s0, c0] : [c0, s0];
  switch (quadrant) {
    case 0:
      return [c1, s1];
    case 1:
      return [0 - s1, c1];
    case 2:
      return [0 - c1, 0 - s1];
    default:
      return [s1, 0 - c1];
  }
}

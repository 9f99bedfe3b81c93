// The Riesz transform of order l = (l1, l2, l3), IBSI 2:
// R^l(ω) = √(|l|! / (l1! l2! l3!)) · (−i)^|l| · ω1^l1 ω2^l2 ω3^l3 / ‖ω‖^|l|, 0 at ω = 0;
// applied here to a LoG or Simoncelli response by multiplying their transfer functions.
import type { Transfer } from './fourier.ts';

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

export function rieszTransfer(order: readonly [number, number, number], inner: Transfer): Transfer {
  const L = order[0] + order[1] + order[2];
  const c = Math.sqrt(
    factorial(L) / (factorial(order[0]) * factorial(order[1]) * factorial(order[2])),
  );
  // (−i)^L as [re, im]
  const phase = [
    [1, 0],
    [0, -1],
    [-1, 0],
    [0, 1],
  ][L % 4];
  const inn = new Float64Array(2);
  return (wx, wy, wz, out) => {
    const norm = Math.sqrt(wx * wx + wy * wy + wz * wz);
    if (norm === 0) {
      out[0] = out[1] = 0;
      return;
    }
    const m = (c * wx ** order[0] * wy ** order[1] * wz ** order[2]) / norm ** L;
    inner(wx, wy, wz, inn);
    const pr = phase[0] * m;
    const pi = phase[1] * m;
    out[0] = pr * inn[0] - pi * inn[1];
    out[1] = pr * inn[1] + pi * inn[0];
  };
}

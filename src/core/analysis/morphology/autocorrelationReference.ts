// The plain definition of Moran's I and Geary's C (IBSI N365, NPT7), every ordered pair of
// voxels with weight 1 / distance between their centres in mm: the reference that the run
// sums of autocorrelation.ts (and its WebAssembly kernel) are tested against.

/** Moran's I and Geary's C over voxels with centres xyz interleaved in mm. */
export function autocorrelationReference(
  values: Float64Array,
  centresMm: Float64Array,
): [moran: number, geary: number] {
  const n = values.length;
  if (n < 2) return [NaN, NaN];
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let denom = 0;
  for (let i = 0; i < n; i++) denom += (values[i] - mean) ** 2;
  if (denom === 0) return [NaN, NaN];
  let wSum = 0;
  let moran = 0;
  let geary = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const dx = centresMm[3 * j] - centresMm[3 * i];
      const dy = centresMm[3 * j + 1] - centresMm[3 * i + 1];
      const dz = centresMm[3 * j + 2] - centresMm[3 * i + 2];
      const w = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
      wSum += w;
      moran += w * (values[i] - mean) * (values[j] - mean);
      geary += w * (values[i] - values[j]) ** 2;
    }
  }
  return [(n / wSum) * (moran / denom), ((n - 1) * geary) / (2 * wSum * denom)];
}

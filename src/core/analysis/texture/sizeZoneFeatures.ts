// The features GLRLM, GLSZM, GLDZM and NGLDM share: emphases, non-uniformities, variances and
// entropy of a matrix whose rows are grey levels and whose columns are a size j = 1, 2, ...
// (run length, zone size, zone distance or dependence count).
import type { TextureMatrix } from './matrix';

/** Indices into the vector sizeZoneFeatures returns. */
export const SZ = {
  smallEmphasis: 0,
  largeEmphasis: 1,
  lowGreyEmphasis: 2,
  highGreyEmphasis: 3,
  smallLowGrey: 4,
  smallHighGrey: 5,
  largeLowGrey: 6,
  largeHighGrey: 7,
  greyNonUniformity: 8,
  greyNonUniformityNorm: 9,
  sizeNonUniformity: 10,
  sizeNonUniformityNorm: 11,
  percentage: 12,
  greyVariance: 13,
  sizeVariance: 14,
  entropy: 15,
  energy: 16,
} as const;

export function sizeZoneFeatures(m: TextureMatrix): Float64Array {
  const { data, rows, cols } = m;
  const perGrey = new Float64Array(rows);
  const perSize = new Float64Array(cols);
  let ns = 0;
  let se = 0;
  let le = 0;
  let lge = 0;
  let hge = 0;
  let slg = 0;
  let shg = 0;
  let llg = 0;
  let lhg = 0;
  for (let r = 0; r < rows; r++) {
    const i2 = (r + 1) * (r + 1);
    for (let c = 0; c < cols; c++) {
      const v = data[r * cols + c];
      if (v === 0) continue;
      const j2 = (c + 1) * (c + 1);
      ns += v;
      perGrey[r] += v;
      perSize[c] += v;
      se += v / j2;
      le += v * j2;
      lge += v / i2;
      hge += v * i2;
      slg += v / (i2 * j2);
      shg += (v * i2) / j2;
      llg += (v * j2) / i2;
      lhg += v * i2 * j2;
    }
  }
  let gnu = 0;
  let snu = 0;
  for (let r = 0; r < rows; r++) gnu += perGrey[r] * perGrey[r];
  for (let c = 0; c < cols; c++) snu += perSize[c] * perSize[c];
  let muI = 0;
  let muJ = 0;
  let entropy = 0;
  let energy = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const p = data[r * cols + c] / ns;
      if (p === 0) continue;
      muI += (r + 1) * p;
      muJ += (c + 1) * p;
      entropy -= p * Math.log2(p);
      energy += p * p;
    }
  }
  let varI = 0;
  let varJ = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const p = data[r * cols + c] / ns;
      if (p === 0) continue;
      varI += (r + 1 - muI) * (r + 1 - muI) * p;
      varJ += (c + 1 - muJ) * (c + 1 - muJ) * p;
    }
  }
  return Float64Array.from([
    se / ns,
    le / ns,
    lge / ns,
    hge / ns,
    slg / ns,
    shg / ns,
    llg / ns,
    lhg / ns,
    gnu / ns,
    gnu / (ns * ns),
    snu / ns,
    snu / (ns * ns),
    ns / m.voxels,
    varI,
    varJ,
    entropy,
    energy,
  ]);
}

/** Picks entries of a sizeZoneFeatures vector in a family's definition order. */
export function pick(values: Float64Array, order: readonly number[]): Float64Array {
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
  return out;
}

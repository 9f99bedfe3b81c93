// The 25 IBSI GLCM features of one (merged) co-occurrence matrix.
import { defineFamily } from '../featureDef';
import type { TextureMatrix } from './matrix';

export const glcmDefs = defineFamily('glcm', [
  ['Joint maximum', 'GYBY', ''],
  ['Joint average', '60VM', ''],
  ['Joint variance', 'UR99', ''],
  ['Joint entropy', 'TU9B', ''],
  ['Difference average', 'TF7R', ''],
  ['Difference variance', 'D3YU', ''],
  ['Difference entropy', 'NTRS', ''],
  ['Sum average', 'ZGXS', ''],
  ['Sum variance', 'OEEB', ''],
  ['Sum entropy', 'P6QZ', ''],
  ['Angular second moment', '8ZQL', ''],
  ['Contrast', 'ACUI', ''],
  ['Dissimilarity', '8S9J', ''],
  ['Inverse difference', 'IB1Z', ''],
  ['Normalised inverse difference', 'NDRX', ''],
  ['Inverse difference moment', 'WF0Z', ''],
  ['Normalised inverse difference moment', '1QCO', ''],
  ['Inverse variance', 'E8JP', ''],
  ['Correlation', 'NI2N', ''],
  ['Autocorrelation', 'QWB0', ''],
  ['Cluster tendency', 'DG8W', ''],
  ['Cluster shade', '7NFM', ''],
  ['Cluster prominence', 'AE86', ''],
  ['Information correlation 1', 'R8DG', ''],
  ['Information correlation 2', 'JN9H', ''],
]);

/** Features in glcmDefs order; grey levels are 1-based (row r holds level r + 1). */
export function glcmFeatures(m: TextureMatrix): Float64Array {
  const ng = m.rows;
  const counts = m.data;
  let total = 0;
  for (let k = 0; k < counts.length; k++) total += counts[k];
  const inv = total > 0 ? 1 / total : 0;
  const px = new Float64Array(ng);
  const pDiff = new Float64Array(ng);
  const pSum = new Float64Array(2 * ng + 1);
  let jointMax = 0;
  let mu = 0;
  let entropy = 0;
  let asm = 0;
  let autocorr = 0;
  let invDiff = 0;
  let invDiffN = 0;
  let idm = 0;
  let idmN = 0;
  for (let r = 0; r < ng; r++) {
    const i = r + 1;
    for (let c = 0; c < ng; c++) {
      const p = counts[r * ng + c] * inv;
      if (p === 0) continue;
      const j = c + 1;
      const d = i > j ? i - j : j - i;
      px[r] += p;
      pDiff[d] += p;
      pSum[i + j] += p;
      if (p > jointMax) jointMax = p;
      mu += i * p;
      entropy -= p * Math.log2(p);
      asm += p * p;
      autocorr += i * j * p;
      invDiff += p / (1 + d);
      invDiffN += p / (1 + d / ng);
      idm += p / (1 + d * d);
      idmN += p / (1 + (d * d) / (ng * ng));
    }
  }
  // The matrix is symmetric, so the marginals along rows and columns are equal (py = px).
  let jointVar = 0;
  let clusterTendency = 0;
  let clusterShade = 0;
  let clusterProminence = 0;
  let hxy1 = 0;
  let hxy2 = 0;
  for (let r = 0; r < ng; r++) {
    const i = r + 1;
    for (let c = 0; c < ng; c++) {
      const pxy = px[r] * px[c];
      const p = counts[r * ng + c] * inv;
      if (pxy > 0) {
        hxy2 -= pxy * Math.log2(pxy);
        if (p > 0) hxy1 -= p * Math.log2(pxy);
      }
      if (p === 0) continue;
      const j = c + 1;
      jointVar += (i - mu) * (i - mu) * p;
      const s = i + j - 2 * mu;
      const s2 = s * s;
      clusterTendency += s2 * p;
      clusterShade += s2 * s * p;
      clusterProminence += s2 * s2 * p;
    }
  }
  let hx = 0;
  let corrNum = 0;
  for (let r = 0; r < ng; r++) if (px[r] > 0) hx -= px[r] * Math.log2(px[r]);
  for (let r = 0; r < ng; r++) {
    for (let c = 0; c < ng; c++) {
      const p = counts[r * ng + c] * inv;
      if (p > 0) corrNum += (r + 1 - mu) * (c + 1 - mu) * p;
    }
  }
  let diffAvg = 0;
  let diffEntropy = 0;
  let contrast = 0;
  let inverseVariance = 0;
  for (let k = 0; k < ng; k++) {
    const p = pDiff[k];
    if (p === 0) continue;
    diffAvg += k * p;
    diffEntropy -= p * Math.log2(p);
    contrast += k * k * p;
    if (k > 0) inverseVariance += p / (k * k);
  }
  let diffVar = 0;
  for (let k = 0; k < ng; k++) diffVar += (k - diffAvg) * (k - diffAvg) * pDiff[k];
  let sumAvg = 0;
  let sumEntropy = 0;
  for (let k = 2; k <= 2 * ng; k++) {
    const p = pSum[k];
    if (p === 0) continue;
    sumAvg += k * p;
    sumEntropy -= p * Math.log2(p);
  }
  let sumVar = 0;
  for (let k = 2; k <= 2 * ng; k++) sumVar += (k - sumAvg) * (k - sumAvg) * pSum[k];
  return Float64Array.from([
    jointMax,
    mu,
    jointVar,
    entropy,
    diffAvg,
    diffVar,
    diffEntropy,
    sumAvg,
    sumVar,
    sumEntropy,
    asm,
    contrast,
    diffAvg, // dissimilarity: sum |i - j| p equals the difference average
    invDiff,
    invDiffN,
    idm,
    idmN,
    inverseVariance,
    jointVar > 0 ? corrNum / jointVar : 0,
    autocorr,
    clusterTendency,
    clusterShade,
    clusterProminence,
    hx > 0 ? (entropy - hxy1) / hx : 0,
    Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (hxy2 - entropy)))),
  ]);
}

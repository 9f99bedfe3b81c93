// The 25 IBSI GLCM features of one (merged) co-occurrence matrix.
import { defineFamily } from '../featureDef';
import { matrixSum, type TextureMatrix } from './matrix';
import { glcmCellsWasm } from './simd/glcmWasm';

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

/** Marginals of one matrix, kept between calls so a call allocates only its result. */
let scratch = new Float64Array(0);
/** Sums that the cell passes hand back. */
const sums = new Float64Array(3);
/** All nine of them (see cellPasses). */
const cellValues = new Float64Array(9);

// The passes over cells are small functions of their own: a function is optimised after an
// amount of work that grows with its size, so small hot ones are compiled within a few calls.

/** p_x, p_{x-y} and p_{x+y} (added to), and [joint maximum, ASM, autocorrelation] in sums. */
function cellSums(
  counts: Float64Array,
  ng: number,
  inv: number,
  px: Float64Array,
  pDiff: Float64Array,
  pSum: Float64Array,
): void {
  let jointMax = 0;
  let asm = 0;
  let autocorr = 0;
  for (let r = 0; r < ng; r++) {
    const i = r + 1;
    const row = r * ng;
    let rowSum = 0;
    for (let c = 0; c < ng; c++) {
      const p = counts[row + c] * inv;
      if (p === 0) continue;
      const j = c + 1;
      rowSum += p;
      pDiff[i > j ? i - j : j - i] += p;
      pSum[r + c] += p;
      if (p > jointMax) jointMax = p;
      asm += p * p;
      autocorr += i * j * p;
    }
    px[r] = rowSum;
  }
  sums[0] = jointMax;
  sums[1] = asm;
  sums[2] = autocorr;
}

/** Joint entropy: a cell and its mirror image hold the same count, so one log serves both. */
function jointEntropy(counts: Float64Array, ng: number, inv: number): number {
  let entropy = 0;
  for (let r = 0; r < ng; r++) {
    const n = counts[r * ng + r];
    if (n > 0) entropy -= n * inv * Math.log2(n * inv);
    for (let c = r + 1; c < ng; c++) {
      const a = counts[r * ng + c];
      const b = counts[c * ng + r];
      if (a === b) {
        if (a > 0) entropy -= 2 * a * inv * Math.log2(a * inv);
      } else {
        if (a > 0) entropy -= a * inv * Math.log2(a * inv);
        if (b > 0) entropy -= b * inv * Math.log2(b * inv);
      }
    }
  }
  return entropy;
}

/**
 * [HXY1, HXY2, correlation numerator] in sums, with log2(p_x(i) p_y(j)) taken as
 * log2 p_x(i) + log2 p_x(j) (py = px: the matrix is symmetric).
 */
function crossSums(
  counts: Float64Array,
  ng: number,
  inv: number,
  px: Float64Array,
  logPx: Float64Array,
  mu: number,
): void {
  let hxy1 = 0;
  let hxy2 = 0;
  let corrNum = 0;
  for (let r = 0; r < ng; r++) {
    const pr = px[r];
    if (pr === 0) continue;
    const di = r + 1 - mu;
    const lr = logPx[r];
    const row = r * ng;
    for (let c = 0; c < ng; c++) {
      const pc = px[c];
      const lrc = lr + logPx[c];
      if (pc > 0) hxy2 -= pr * pc * lrc;
      const p = counts[row + c] * inv;
      if (p === 0) continue;
      if (pc > 0) hxy1 -= p * lrc;
      corrNum += di * (c + 1 - mu) * p;
    }
  }
  sums[0] = hxy1;
  sums[1] = hxy2;
  sums[2] = corrNum;
}

/**
 * The passes over cells, in TypeScript where WebAssembly is missing: fills px, pDiff, pSum and
 * out with joint maximum, ASM, autocorrelation, joint entropy, mean, HX, HXY1, HXY2 and the
 * correlation numerator (the order glcmCellsWasm gives them in).
 */
function cellPasses(
  counts: Float64Array,
  ng: number,
  inv: number,
  px: Float64Array,
  pDiff: Float64Array,
  pSum: Float64Array,
  logPx: Float64Array,
  out: Float64Array,
): void {
  cellSums(counts, ng, inv, px, pDiff, pSum);
  out.set(sums);
  out[3] = jointEntropy(counts, ng, inv);
  // The matrix is symmetric, so the marginals along rows and columns are equal (py = px).
  let mu = 0;
  let hx = 0;
  for (let r = 0; r < ng; r++) {
    mu += (r + 1) * px[r];
    if (px[r] > 0) {
      logPx[r] = Math.log2(px[r]);
      hx -= px[r] * logPx[r];
    }
  }
  crossSums(counts, ng, inv, px, logPx, mu);
  out[4] = mu;
  out[5] = hx;
  out.set(sums, 6);
}

/**
 * Features in glcmDefs order; grey levels are 1-based (row r holds level r + 1).
 *
 * One pass over the matrix gives the marginals p_x, p_{x-y} and p_{x+y}; every feature that is a
 * sum over cells of p times a function of i, of |i - j| or of i + j is then a sum over a marginal
 * (the same terms, grouped). Logarithms are taken only where they must be: once per distinct
 * count of a mirrored cell pair (the matrix is symmetric) and once per marginal entry. The
 * passes over cells run in WebAssembly (simd/glcm.wat), fast from the first call.
 */
export function glcmFeatures(m: TextureMatrix): Float64Array {
  const ng = m.rows;
  const counts = m.data;
  if (scratch.length < 5 * ng) scratch = new Float64Array(5 * ng);
  scratch.fill(0, 0, 5 * ng);
  const px = scratch.subarray(0, ng);
  const logPx = scratch.subarray(ng, 2 * ng);
  const pDiff = scratch.subarray(2 * ng, 3 * ng);
  // p_{x+y}(k) for k = i + j in 2..2 ng, at index k - 2.
  const pSum = scratch.subarray(3 * ng, 5 * ng);
  if (!glcmCellsWasm(counts, ng, px, pDiff, pSum, cellValues)) {
    const total = matrixSum(m);
    cellPasses(counts, ng, total > 0 ? 1 / total : 0, px, pDiff, pSum, logPx, cellValues);
  }
  const [jointMax, asm, autocorr, entropy, mu, hx, hxy1, hxy2, corrNum] = cellValues;
  let jointVar = 0;
  for (let r = 0; r < ng; r++) jointVar += (r + 1 - mu) * (r + 1 - mu) * px[r];
  let diffAvg = 0;
  let diffEntropy = 0;
  let contrast = 0;
  let inverseVariance = 0;
  let invDiff = 0;
  let invDiffN = 0;
  let idm = 0;
  let idmN = 0;
  for (let k = 0; k < ng; k++) {
    const p = pDiff[k];
    if (p === 0) continue;
    diffAvg += k * p;
    diffEntropy -= p * Math.log2(p);
    contrast += k * k * p;
    if (k > 0) inverseVariance += p / (k * k);
    invDiff += p / (1 + k);
    invDiffN += p / (1 + k / ng);
    idm += p / (1 + k * k);
    idmN += p / (1 + (k * k) / (ng * ng));
  }
  let diffVar = 0;
  for (let k = 0; k < ng; k++) diffVar += (k - diffAvg) * (k - diffAvg) * pDiff[k];
  let sumAvg = 0;
  let sumEntropy = 0;
  for (let k = 2; k <= 2 * ng; k++) {
    const p = pSum[k - 2];
    if (p === 0) continue;
    sumAvg += k * p;
    sumEntropy -= p * Math.log2(p);
  }
  let sumVar = 0;
  let clusterTendency = 0;
  let clusterShade = 0;
  let clusterProminence = 0;
  for (let k = 2; k <= 2 * ng; k++) {
    const p = pSum[k - 2];
    sumVar += (k - sumAvg) * (k - sumAvg) * p;
    const s = k - 2 * mu;
    const s2 = s * s;
    clusterTendency += s2 * p;
    clusterShade += s2 * s * p;
    clusterProminence += s2 * s2 * p;
  }
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

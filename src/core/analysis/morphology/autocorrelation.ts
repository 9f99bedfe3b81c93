// Moran's I and Geary's C (IBSI N365, NPT7): inverse-distance weighted sums over every pair of
// intensity-mask voxels. The voxels are taken as runs (row segments, raster order): for two
// runs the x offset of their voxel pairs steps by one along each run, so the weights of a run
// pair are a short table, 1/distance by x offset, read contiguously in the inner loop; there
// are lenA + lenB - 1 square roots per run pair instead of lenA * lenB. Sparse ROIs, whose
// runs are short, are summed voxel pair by voxel pair instead (a cost model picks). The
// WebAssembly kernels (simd/autocorrelation.wat) run the same loops in f64x2; this file has
// their plain versions, and autocorrelationReference.ts the plain definition. Large ROIs are
// summed through FFTs instead (autocorrelationFft.ts: the same sums over every pair, in
// O(N log N) of the ROI's box), so the values stay exact, not IBSI's approximation.
import { fftGridFor, maxFftGridPoints, pairSumsFft } from './autocorrelationFft';
import { autocorrelationDirectWasm, autocorrelationPairSumsWasm } from './simd/autocorrelationWasm';

/**
 * ROI voxels as runs along x in raster order, where a run may hold short gaps (slots that are
 * not in the ROI, with mask 0): a pair of runs costs a table of weights and a loop set-up, so
 * sparse rows are cheaper as a few runs with holes than as many short ones.
 */
export interface VoxelRuns {
  /** x0, y, z, length in slots of each run, interleaved. */
  runs: Int32Array;
  count: number;
  /** The longest run. */
  maxLen: number;
  /** 1 for an ROI voxel, 0 for a gap, per slot; slots follow the runs. */
  slotMask: Uint8Array;
}

/** Gaps up to this many voxels long are kept inside a run (measured: 12 to 24 is best on random blobs). */
export const maxGapInRun = 16;

/** The runs of mask (raster order, x fastest), gaps up to maxGap kept inside runs. */
export function voxelRuns(
  mask: Uint8Array,
  dims: readonly [number, number, number],
  maxGap: number,
): VoxelRuns {
  const [nx, ny, nz] = dims;
  const runs: number[] = [];
  const slots: number[] = [];
  let maxLen = 0;
  for (let z = 0, row = 0; z < nz; z++)
    for (let y = 0; y < ny; y++, row += nx) {
      let x = 0;
      while (x < nx) {
        if (!mask[row + x]) {
          x++;
          continue;
        }
        // A run from x0 to its last ROI voxel before a gap longer than maxGap.
        const x0 = x;
        let last = x;
        while (x < nx && x - last <= maxGap + 1) {
          if (mask[row + x]) last = x;
          x++;
        }
        const len = last + 1 - x0;
        runs.push(x0, y, z, len);
        for (let k = x0; k <= last; k++) slots.push(mask[row + k] ? 1 : 0);
        maxLen = Math.max(maxLen, len);
        x = last + 1;
      }
    }
  return {
    runs: Int32Array.from(runs),
    count: runs.length / 4,
    maxLen,
    slotMask: Uint8Array.from(slots),
  };
}

/** How many runs and slots voxelRuns(mask, dims, maxGap) would make. */
function runCount(mask: Uint8Array, nx: number, maxGap: number): [runs: number, slots: number] {
  let runs = 0;
  let slots = 0;
  for (let row = 0; row < mask.length; row += nx) {
    let last = -Infinity;
    for (let x = 0; x < nx; x++) {
      if (!mask[row + x]) continue;
      if (x - last > maxGap + 1) {
        runs++;
        slots++;
      } else slots += x - last;
      last = x;
    }
  }
  return [runs, slots];
}

/** Gap lengths tried for the runs, and the measured costs (ns, WebAssembly on a 2-core VM)
 * of a run pair's set-up, of a slot meeting a run, of a slot pair in runs and of a voxel pair
 * summed directly. */
const gapsTried = [0, 2, 4, 8, 16, 32];
const runPairNs = 6;
const slotRunNs = 4;
const slotPairNs = 0.7;
const directPairNs = 2;
/** The FFT sums' measured cost per grid point and log2 of the grid size (same VM). */
const fftPointLogNs = 10;

/** Pair by pair (runs or direct), ROIs up to this many voxels take at most a few seconds. */
export const maxVoxelsForPairs = 40000;

/** How to sum: by runs with gaps up to a length, voxel by voxel (null), by FFT, or not at all
 * (an ROI too large for pairs whose box is too large for the FFT grid). */
export type AutocorrelationPlan = number | null | 'fft' | 'too-large';

/** The cheapest way to sum the pairs of the n voxels of mask. */
export function planAutocorrelation(
  mask: Uint8Array,
  dims: readonly [number, number, number],
  n: number,
): AutocorrelationPlan {
  const grid = fftGridFor(mask, dims);
  const gridPoints = grid ? grid[0] * grid[1] * grid[2] : Infinity;
  const fftNs =
    gridPoints <= maxFftGridPoints ? fftPointLogNs * gridPoints * Math.log2(gridPoints) : Infinity;
  if (n > maxVoxelsForPairs) return Number.isFinite(fftNs) ? 'fft' : 'too-large';
  let best: AutocorrelationPlan = null;
  let bestNs = (directPairNs * n * n) / 2;
  if (fftNs < bestNs) {
    best = 'fft';
    bestNs = fftNs;
  }
  for (const gap of gapsTried) {
    const [runs, slots] = runCount(mask, dims[0], gap);
    const ns =
      (runPairNs * runs * runs + slotRunNs * slots * runs + slotPairNs * slots * slots) / 2;
    if (ns < bestNs) {
      best = gap;
      bestNs = ns;
    }
  }
  return best;
}

/** pairSumsJs's sums voxel pair by voxel pair: centres in mm, xyz interleaved. */
export function pairSumsDirectJs(
  values: Float64Array,
  dev: Float64Array,
  centresMm: Float64Array,
): [wSum: number, moran: number, geary: number] {
  const n = values.length;
  let wSum = 0;
  let moran = 0;
  let geary = 0;
  for (let i = 0; i < n; i++) {
    const xi = centresMm[3 * i];
    const yi = centresMm[3 * i + 1];
    const zi = centresMm[3 * i + 2];
    const di = dev[i];
    const vi = values[i];
    let pW = 0;
    let pM = 0;
    let pG = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = centresMm[3 * j] - xi;
      const dy = centresMm[3 * j + 1] - yi;
      const dz = centresMm[3 * j + 2] - zi;
      const w = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
      const dv = vi - values[j];
      pW += w;
      pM += w * di * dev[j];
      pG += w * (dv * dv);
    }
    wSum += pW;
    moran += pM;
    geary += pG;
  }
  return [wSum, moran, geary];
}

/**
 * Sums over unordered voxel pairs {i, j} of w, w dev_i dev_j and w (v_i - v_j)^2, with
 * w = 1 / distance in mm; values, dev and m (1 for a voxel, 0 for a gap) are per slot.
 */
export function pairSumsJs(
  values: Float64Array,
  dev: Float64Array,
  m: Float64Array,
  vr: VoxelRuns,
  spacingMm: readonly [number, number, number],
): [wSum: number, moran: number, geary: number] {
  const [sx, sy, sz] = spacingMm;
  const { runs, count } = vr;
  const wt = new Float64Array(Math.max(1, 2 * vr.maxLen - 1));
  let wSum = 0;
  let moran = 0;
  let geary = 0;
  for (let ra = 0, sa = 0; ra < count; sa += runs[4 * ra + 3], ra++) {
    const xa = runs[4 * ra];
    const ya = runs[4 * ra + 1];
    const za = runs[4 * ra + 2];
    const lenA = runs[4 * ra + 3];
    // Partial sums per run A, added to the totals after it (fewer rounding errors).
    let pW = 0;
    let pM = 0;
    let pG = 0;
    for (let rb = ra, sb = sa; rb < count; sb += runs[4 * rb + 3], rb++) {
      const lenB = runs[4 * rb + 3];
      const dy = (runs[4 * rb + 1] - ya) * sy;
      const dz = (runs[4 * rb + 2] - za) * sz;
      // wt[k]: the weight at x offset (x0B - x0A) - (lenA - 1) + k; pair (a, b) reads
      // wt[b - a + lenA - 1]. Within one run (dx = 0 at k = lenA - 1) only b > a is read.
      const dx0 = runs[4 * rb] - xa - lenA + 1;
      const nw = lenA + lenB - 1;
      for (let k = 0; k < nw; k++) {
        const dx = (dx0 + k) * sx;
        wt[k] = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
      }
      for (let a = 0; a < lenA; a++) {
        const i = sa + a;
        if (m[i] === 0) continue;
        const di = dev[i];
        const vi = values[i];
        const off = lenA - 1 - a - sb;
        for (let j = rb === ra ? i + 1 : sb, end = sb + lenB; j < end; j++) {
          const w = wt[j + off] * m[j];
          const dv = vi - values[j];
          pW += w;
          pM += w * di * dev[j];
          pG += w * (dv * dv);
        }
      }
    }
    wSum += pW;
    moran += pM;
    geary += pG;
  }
  return [wSum, moran, geary];
}

/** Pair sums by runs (gaps up to maxGap inside them), in WebAssembly where there is one. */
function runSums(
  values: Float64Array,
  mean: number,
  mask: Uint8Array,
  dims: readonly [number, number, number],
  spacingMm: readonly [number, number, number],
  maxGap: number,
): [number, number, number] {
  const vr = voxelRuns(mask, dims, maxGap);
  // Per slot: values and deviations (0 in gaps, where m is 0 too).
  const slots = vr.slotMask.length;
  const sv = new Float64Array(slots);
  const sd = new Float64Array(slots);
  const m = new Float64Array(slots);
  for (let s = 0, i = 0; s < slots; s++) {
    if (!vr.slotMask[s]) continue;
    sv[s] = values[i];
    sd[s] = values[i] - mean;
    m[s] = 1;
    i++;
  }
  return (
    autocorrelationPairSumsWasm(sv, sd, m, vr, spacingMm) ?? pairSumsJs(sv, sd, m, vr, spacingMm)
  );
}

/** Pair sums voxel by voxel, in WebAssembly where there is one. */
function directSums(
  values: Float64Array,
  mean: number,
  mask: Uint8Array,
  dims: readonly [number, number, number],
  spacingMm: readonly [number, number, number],
): [number, number, number] {
  const n = values.length;
  const [nx, ny, nz] = dims;
  const [sx, sy, sz] = spacingMm;
  const centres = new Float64Array(3 * n);
  let k = 0;
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) {
        if (!mask[i]) continue;
        centres[k++] = x * sx;
        centres[k++] = y * sy;
        centres[k++] = z * sz;
      }
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) dev[i] = values[i] - mean;
  return autocorrelationDirectWasm(values, dev, centres) ?? pairSumsDirectJs(values, dev, centres);
}

/**
 * Moran's I and Geary's C with inverse-distance weights over every pair of voxels of mask
 * (values of its voxels in raster order), or NaN where there are fewer than two voxels, all
 * values are equal, or the ROI is too large (planAutocorrelation). plan forces runs with gaps
 * up to that length, voxel by voxel (null) or the FFT; by default the cheapest is chosen.
 */
export function autocorrelation(
  values: Float64Array,
  mask: Uint8Array,
  dims: readonly [number, number, number],
  spacingMm: readonly [number, number, number],
  plan: AutocorrelationPlan = planAutocorrelation(mask, dims, values.length),
): [moran: number, geary: number] {
  const n = values.length;
  if (n < 2 || plan === 'too-large') return [NaN, NaN];
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let denom = 0;
  for (let i = 0; i < n; i++) denom += (values[i] - mean) ** 2;
  if (denom === 0) return [NaN, NaN];
  const sums =
    plan === 'fft'
      ? pairSumsFft(values, mean, mask, dims, spacingMm)
      : plan === null
        ? directSums(values, mean, mask, dims, spacingMm)
        : runSums(values, mean, mask, dims, spacingMm, plan);
  if (!sums) return [NaN, NaN]; // a forced FFT on a grid over maxFftGridPoints
  // Each unordered pair stands for both orders in the double sums (exact doubling).
  const wSum = 2 * sums[0];
  const moran = 2 * sums[1];
  const geary = 2 * sums[2];
  return [(n / wSum) * (moran / denom), ((n - 1) * geary) / (2 * wSum * denom)];
}

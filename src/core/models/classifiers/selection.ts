// Feature selection inside the pipeline (fitted on training cases only, so validation does not
// see the held-out cases): drop constant features, then optionally features whose variance is
// mostly between centers (center effect, η²), features correlated above a bound with one already
// kept (in column order), and features an L1 logistic model sets to zero.
import { fitLogistic } from './logistic.ts';
import { takeColumns, type Labels, type Matrix } from './matrix.ts';
import { applyScaler, fitScaler } from './standardize.ts';

export interface SelectionSpec {
  /** Drop a feature when |Pearson r| with a kept one exceeds this (e.g. 0.9). */
  readonly maxCorrelation?: number;
  /** Drop a feature when this fraction or more of its variance lies between centers (η²). */
  readonly maxCenterEffect?: number;
  /** Keep only features with a nonzero coefficient in an L1 logistic model with this C. */
  readonly l1C?: number;
}

export interface SelectionResult {
  /** Indices of kept features, ascending. */
  readonly kept: Int32Array;
  /** Why each dropped feature went, by index. */
  readonly dropped: readonly { readonly feature: number; readonly reason: string }[];
}

function column(x: Matrix, j: number, out: Float64Array): Float64Array {
  for (let i = 0; i < x.rows; i++) out[i] = x.data[i * x.cols + j];
  return out;
}

/** Fraction of a feature's variance between center means (one-way ANOVA η²). */
export function centerEffect(values: Float64Array, centers: Int32Array): number {
  const sums = new Map<number, [number, number]>();
  let mean = 0;
  for (let i = 0; i < values.length; i++) {
    mean += values[i];
    const s = sums.get(centers[i]) ?? [0, 0];
    s[0] += values[i];
    s[1]++;
    sums.set(centers[i], s);
  }
  mean /= values.length;
  let total = 0;
  for (const v of values) total += (v - mean) ** 2;
  let between = 0;
  for (const [sum, count] of sums.values()) between += count * (sum / count - mean) ** 2;
  return total > 0 ? between / total : 0;
}

export function selectFeatures(
  x: Matrix,
  y: Labels,
  centers: Int32Array,
  spec: SelectionSpec,
): SelectionResult {
  const dropped: { feature: number; reason: string }[] = [];
  const col = new Float64Array(x.rows);
  let kept: number[] = [];
  // Which features vary, row by row against the first case (the matrix is row-major: one
  // sequential pass instead of a strided walk down each column), stopping once all do: with
  // real features that is the second case, not a pass over the whole matrix.
  const varies = new Uint8Array(x.cols);
  let varying = 0;
  for (let i = 1; i < x.rows && varying < x.cols; i++) {
    const r = i * x.cols;
    for (let j = 0; j < x.cols; j++)
      if (varies[j] === 0 && x.data[r + j] !== x.data[j]) {
        varies[j] = 1;
        varying++;
      }
  }
  for (let j = 0; j < x.cols; j++) {
    const constant = varies[j] === 0;
    if (constant) dropped.push({ feature: j, reason: 'no variance in the training cases' });
    else if (spec.maxCenterEffect !== undefined) {
      const eta = centerEffect(column(x, j, col), centers);
      if (eta >= spec.maxCenterEffect)
        dropped.push({ feature: j, reason: `center effect η² ${eta.toFixed(3)}` });
      else kept.push(j);
    } else kept.push(j);
  }
  if (spec.maxCorrelation !== undefined && kept.length > 1) {
    const sub = takeColumns(x, kept);
    const z = applyScaler(fitScaler(sub), sub);
    const n = z.rows;
    const k = z.cols;
    const cols = kept.map((_, c) => column(z, c, new Float64Array(n)));
    const chosen: number[] = [];
    for (let c = 0; c < k; c++) {
      let worst = 0;
      let partner = -1;
      for (const o of chosen) {
        let s = 0;
        const a = cols[c];
        const b = cols[o];
        for (let i = 0; i < n; i++) s += a[i] * b[i];
        const r = Math.abs(s / n);
        if (r > worst) {
          worst = r;
          partner = o;
        }
      }
      if (worst > spec.maxCorrelation)
        dropped.push({
          feature: kept[c],
          reason: `|r| ${worst.toFixed(3)} with feature ${kept[partner]}`,
        });
      else chosen.push(c);
    }
    kept = chosen.map((c) => kept[c]);
  }
  if (spec.l1C !== undefined && kept.length > 0) {
    const sub = takeColumns(x, kept);
    const z = applyScaler(fitScaler(sub), sub);
    const m = fitLogistic(z, y, { penalty: 'l1', C: spec.l1C, tolerance: 1e-6 });
    const next: number[] = [];
    kept.forEach((j, c) => {
      if (m.weights[c] !== 0) next.push(j);
      else dropped.push({ feature: j, reason: `zero L1 coefficient (C ${spec.l1C})` });
    });
    kept = next;
  }
  dropped.sort((a, b) => a.feature - b.feature);
  return { kept: Int32Array.from(kept), dropped };
}

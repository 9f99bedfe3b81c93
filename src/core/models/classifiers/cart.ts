// One CART tree as sklearn grows a random forest's: Gini impurity, bootstrap counts as sample
// weights, a random subset of features tried at each node (more if those are constant there),
// grown until pure. Values are float32 (sklearn's trees read float32 too) and each threshold is
// a float32 as well, so the ONNX TreeEnsembleClassifier (float thresholds) splits identically.
import type { Random } from './random.ts';

export interface Tree {
  /** Feature tested at each node; -1 at a leaf. */
  readonly feature: Int32Array;
  /** Go left when x ≤ threshold. */
  readonly threshold: Float32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Weighted fraction of label 1 among the node's training cases. */
  readonly value: Float64Array;
}

/** Column-major float32 features (column j of case i at j·rows + i) and labels. */
export interface TreeData {
  readonly rows: number;
  readonly cols: number;
  readonly columns: Float32Array;
  readonly labels: Uint8Array;
  /**
   * Optional, from presortColumns: each column's cases in split order (value, then case
   * number). A node holding a large share of the cases then takes its order from here by one
   * scan instead of sorting; the tree is the same either way.
   */
  readonly sorted?: Int32Array;
}

const INDEX_BITS = 2 ** 21;
const INV_INDEX_BITS = 2 ** -21;
export const MAX_TREE_CASES = INDEX_BITS;
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** A float32 as an unsigned integer in the same order (so keys sort natively, no comparator). */
function sortable(v: number): number {
  f32[0] = v === 0 ? 0 : v; // -0 and +0 are one value
  const u = u32[0];
  return u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0;
}

/** Every column's cases sorted by (value, case number), as the split search orders a node's. */
export function presortColumns(columns: Float32Array, rows: number, cols: number): Int32Array {
  const sorted = new Int32Array(rows * cols);
  const keys = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    const col = j * rows;
    for (let i = 0; i < rows; i++) keys[i] = sortable(columns[col + i]) * INDEX_BITS + i;
    keys.sort();
    for (let k = 0; k < rows; k++) {
      const key = keys[k];
      sorted[col + k] = key - Math.floor(key * INV_INDEX_BITS) * INDEX_BITS;
    }
  }
  return sorted;
}

export function growTree(
  data: TreeData,
  weight: Float64Array,
  maxFeatures: number,
  random: Random,
): Tree {
  const { rows: n, cols: p, columns, labels, sorted: presorted } = data;
  const samples: number[] = [];
  for (let i = 0; i < n; i++) if (weight[i] > 0) samples.push(i);
  const idx = Int32Array.from(samples);
  const keys = new Float64Array(idx.length);
  const high = new Float64Array(idx.length);
  const order = new Int32Array(idx.length);
  const featureOrder = new Int32Array(p);
  // Which node each case is in (its number + 1), for the presorted scans.
  const stamp = new Int32Array(presorted ? n : 0);
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const stack: [number, number, number][] = [[0, idx.length, -1]]; // start, end, parent slot
  while (stack.length) {
    const [start, end, slot] = stack.pop()!;
    const node = feature.length;
    if (slot >= 0) (slot & 1 ? right : left)[slot >> 1] = node;
    let w0 = 0;
    let w1 = 0;
    for (let k = start; k < end; k++) {
      const i = idx[k];
      if (labels[i]) w1 += weight[i];
      else w0 += weight[i];
    }
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    value.push(w1 / (w0 + w1));
    const m = end - start;
    if (m < 2 || w0 === 0 || w1 === 0) continue;
    const total = w0 + w1;
    let bestScore = (w0 * w0 + w1 * w1) / total; // no split: children must beat the parent
    let bestFeature = -1;
    let bestThreshold = 0;
    for (let j = 0; j < p; j++) featureOrder[j] = j;
    // A scan of all n presorted cases costs less than sorting m of them once m is a fair share.
    const scan = presorted !== undefined && m * 8 >= n;
    if (scan) for (let k = start; k < end; k++) stamp[idx[k]] = node + 1;
    let drawn = 0;
    let tried = 0;
    while (drawn < p && tried < maxFeatures) {
      const pick = drawn + random.below(p - drawn);
      const j = featureOrder[pick];
      featureOrder[pick] = featureOrder[drawn];
      featureOrder[drawn++] = j;
      const col = j * n;
      if (scan) {
        // The node's cases in the column's presorted order; high holds their values (equal
        // values are what the sweep compares, as with the order keys below).
        let k = 0;
        for (let r = 0; r < n; r++) {
          const i = presorted[col + r];
          if (stamp[i] === node + 1) {
            order[k] = i;
            high[k++] = columns[col + i];
          }
        }
      } else {
        for (let k = 0; k < m; k++) {
          const i = idx[start + k];
          keys[k] = sortable(columns[col + i]) * INDEX_BITS + i;
        }
        const sorted = keys.subarray(0, m).sort();
        // Decode once: the case index and the value's order key, so the sweep does no lookups.
        for (let k = 0; k < m; k++) {
          const key = sorted[k];
          const hi = Math.floor(key * INV_INDEX_BITS);
          high[k] = hi;
          order[k] = key - hi * INDEX_BITS;
        }
      }
      if (high[0] === high[m - 1]) continue; // constant here: does not count as tried
      tried++;
      let l0 = 0;
      let l1 = 0;
      for (let k = 0; k < m - 1; k++) {
        const i = order[k];
        if (labels[i]) l1 += weight[i];
        else l0 += weight[i];
        if (high[k + 1] === high[k]) continue;
        const wl = l0 + l1;
        const r0 = w0 - l0;
        const r1 = w1 - l1;
        const score = (l0 * l0 + l1 * l1) / wl + (r0 * r0 + r1 * r1) / (total - wl);
        if (score > bestScore + 1e-12 * total) {
          bestScore = score;
          bestFeature = j;
          const v = columns[col + i];
          const next = columns[col + order[k + 1]];
          let t = Math.fround((v + next) / 2);
          if (t >= next) t = v;
          bestThreshold = t;
        }
      }
    }
    if (bestFeature < 0) continue;
    // Partition [start, end) in place: x ≤ threshold first.
    const col = bestFeature * n;
    let a = start;
    let b = end - 1;
    while (a <= b) {
      if (columns[col + idx[a]] <= bestThreshold) a++;
      else {
        const t = idx[a];
        idx[a] = idx[b];
        idx[b--] = t;
      }
    }
    feature[node] = bestFeature;
    threshold[node] = bestThreshold;
    stack.push([a, end, node * 2 + 1], [start, a, node * 2]);
  }
  return {
    feature: Int32Array.from(feature),
    threshold: Float32Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
}

/** The leaf value for one case (row-major float32 features). */
export function treeValue(t: Tree, x: Float32Array, offset: number): number {
  let node = 0;
  while (t.feature[node] >= 0)
    node = x[offset + t.feature[node]] <= t.threshold[node] ? t.left[node] : t.right[node];
  return t.value[node];
}

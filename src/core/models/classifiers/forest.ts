// Random forest as sklearn.ensemble.RandomForestClassifier: bootstrap samples, √p features per
// split, fully grown Gini trees; P(label 1) is the mean of the trees' leaf fractions.
import { growTree, MAX_TREE_CASES, presortColumns, treeValue, type Tree } from './cart.ts';
import type { Labels, Matrix } from './matrix.ts';
import { seededRandom } from './random.ts';
import { ProblemError } from '../../result.ts';

export interface ForestOptions {
  readonly trees?: number;
  /** Features tried per split; absent is floor(√p) as sklearn's 'sqrt'. */
  readonly maxFeatures?: number;
  readonly seed?: number;
}

export interface ForestModel {
  readonly trees: readonly Tree[];
  readonly features: number;
}

export function fitForest(x: Matrix, y: Labels, o: ForestOptions = {}): ForestModel {
  const { rows: n, cols: p, data } = x;
  if (n >= MAX_TREE_CASES)
    throw new ProblemError(
      'model-too-large',
      `A forest is trained on fewer than ${MAX_TREE_CASES} cases here.`,
      { cases: n },
    );
  const columns = new Float32Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) columns[j * n + i] = data[i * p + j];
  const treeData = { rows: n, cols: p, columns, labels: y, sorted: presortColumns(columns, n, p) };
  const maxFeatures = o.maxFeatures ?? Math.max(1, Math.floor(Math.sqrt(p)));
  const random = seededRandom(o.seed ?? 0);
  const weight = new Float64Array(n);
  const trees: Tree[] = [];
  for (let t = 0; t < (o.trees ?? 100); t++) {
    weight.fill(0);
    for (let k = 0; k < n; k++) weight[random.below(n)] += 1;
    trees.push(growTree(treeData, weight, maxFeatures, random));
  }
  return { trees, features: p };
}

export function forestProbability(m: ForestModel, x: Matrix): Float64Array {
  const f = Float32Array.from(x.data); // trees compare float32 values, as sklearn's and ONNX's do
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = 0;
    for (const t of m.trees) s += treeValue(t, f, i * x.cols);
    out[i] = s / m.trees.length;
  }
  return out;
}

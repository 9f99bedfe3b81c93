// A trained pipeline as an ONNX model with the ai.onnx.ml operators skl2onnx writes for the same
// sklearn pipeline: ArrayFeatureExtractor (selected columns), Scaler, then LinearClassifier,
// SVMClassifier (+ Platt's sigmoid in standard operators, as skl2onnx writes a calibrated SVC)
// or TreeEnsembleClassifier. Input 'float_input' [N, features]; outputs 'label' (int64 [N]) and
// 'probabilities' (float [N, 2], ZipMap off), columns for labels 0 and 1.
import type { Pipeline } from '../classifiers/pipeline.ts';
import type { Tree } from '../classifiers/cart.ts';
import { encodeModel, type Node, type Tensor } from './onnxProto.ts';

export const ONNX_INPUT = 'float_input';
export const ONNX_OUTPUTS = ['label', 'probabilities'] as const;
const ML = 'ai.onnx.ml';

function forestAttributes(trees: readonly Tree[]) {
  const ids = { tree: [] as number[], node: [] as number[], feature: [] as number[] };
  const modes: string[] = [];
  const values: number[] = [];
  const yes: number[] = [];
  const no: number[] = [];
  const cls = {
    tree: [] as number[],
    node: [] as number[],
    id: [] as number[],
    weight: [] as number[],
  };
  const share = 1 / trees.length;
  trees.forEach((t, tree) => {
    for (let n = 0; n < t.feature.length; n++) {
      const leaf = t.feature[n] < 0;
      ids.tree.push(tree);
      ids.node.push(n);
      ids.feature.push(leaf ? 0 : t.feature[n]);
      modes.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
      values.push(leaf ? 0 : t.threshold[n]);
      yes.push(leaf ? 0 : t.left[n]);
      no.push(leaf ? 0 : t.right[n]);
      if (leaf)
        for (const c of [0, 1]) {
          cls.tree.push(tree);
          cls.node.push(n);
          cls.id.push(c);
          cls.weight.push((c ? t.value[n] : 1 - t.value[n]) * share);
        }
    }
  });
  return {
    nodes_treeids: { ints: ids.tree },
    nodes_nodeids: { ints: ids.node },
    nodes_featureids: { ints: ids.feature },
    nodes_modes: { strings: modes },
    nodes_values: { floats: values },
    nodes_truenodeids: { ints: yes },
    nodes_falsenodeids: { ints: no },
    class_treeids: { ints: cls.tree },
    class_nodeids: { ints: cls.node },
    class_ids: { ints: cls.id },
    class_weights: { floats: cls.weight },
    classlabels_int64s: { ints: [0, 1] },
    post_transform: { s: 'NONE' },
  };
}

/** Binary LinearClassifier as skl2onnx writes it: rows for label 0 (−w, −b) and label 1 (w, b). */
function linearNode(
  x: string,
  w: ArrayLike<number>,
  b: number,
  post: 'LOGISTIC' | 'NONE',
  outputs: string[],
): Node {
  const k = w.length;
  const coefficients = new Float64Array(2 * k);
  for (let j = 0; j < k; j++) {
    coefficients[j] = -w[j];
    coefficients[k + j] = w[j];
  }
  return {
    op: 'LinearClassifier',
    domain: ML,
    inputs: [x],
    outputs,
    attributes: {
      coefficients: { floats: coefficients },
      intercepts: { floats: [-b, b] },
      classlabels_ints: { ints: [0, 1] },
      multi_class: { i: 0 },
      post_transform: { s: post },
    },
  };
}

function argMaxLabel(): Node {
  return {
    op: 'ArgMax',
    inputs: ['probabilities'],
    outputs: ['label'],
    attributes: { axis: { i: 1 }, keepdims: { i: 0 } },
  };
}

export interface ExportOptions {
  readonly name?: string;
  readonly featureNames?: readonly string[];
  readonly producerVersion?: string;
}

export function exportPipelineOnnx(p: Pipeline, o: ExportOptions = {}): Uint8Array {
  const nodes: Node[] = [];
  const initializers: Tensor[] = [];
  let x: string = ONNX_INPUT;
  const identity = p.selected.length === p.inputs && p.selected.every((j, k) => j === k);
  if (!identity) {
    initializers.push({
      name: 'selected_columns',
      dims: [p.selected.length],
      type: 'int64',
      values: p.selected,
    });
    nodes.push({
      op: 'ArrayFeatureExtractor',
      domain: ML,
      inputs: [x, 'selected_columns'],
      outputs: ['selected'],
    });
    x = 'selected';
  }
  if (p.scaler) {
    const s = p.scaler;
    nodes.push({
      op: 'Scaler',
      domain: ML,
      inputs: [x],
      outputs: ['variable'],
      attributes: { offset: { floats: s.mean }, scale: { floats: s.scale.map((v) => 1 / v) } },
    });
    x = 'variable';
  }
  const c = p.classifier;
  const k = p.selected.length;
  if (c.kind === 'logistic') {
    nodes.push(linearNode(x, c.weights, c.intercept, 'LOGISTIC', [...ONNX_OUTPUTS]));
  } else if (c.kind === 'svm') {
    if (c.kernel.kind === 'linear') {
      // A linear kernel's decision is w·x + b with w = Σ αᵢyᵢxᵢ: one LinearClassifier row,
      // computed here in double, so float32 sums over support vectors do not add up.
      const sv = c.supportVectors;
      const w = new Float64Array(k);
      for (let v = 0; v < sv.rows; v++)
        for (let j = 0; j < k; j++) w[j] += c.dualCoef[v] * sv.data[v * k + j];
      nodes.push(linearNode(x, w, c.intercept, 'NONE', ['svm_label', 'svm_scores']));
    } else {
      const gamma = c.kernel.gamma;
      const sv = c.supportVectors;
      // libsvm order: support vectors of label 0 (negative coefficients) first. ORT's binary
      // scores then carry the decision value in column 1.
      const order: number[] = [];
      for (const want of [-1, 1])
        for (let v = 0; v < sv.rows; v++) if (Math.sign(c.dualCoef[v]) === want) order.push(v);
      const vectors = new Float64Array(order.length * sv.cols);
      order.forEach((v, r) =>
        vectors.set(sv.data.subarray(v * sv.cols, (v + 1) * sv.cols), r * sv.cols),
      );
      const negatives = order.filter((v) => c.dualCoef[v] < 0).length;
      nodes.push({
        op: 'SVMClassifier',
        domain: ML,
        inputs: [x],
        outputs: ['svm_label', 'svm_scores'],
        attributes: {
          kernel_type: { s: 'RBF' },
          kernel_params: { floats: [gamma, 0, 3] },
          support_vectors: { floats: vectors },
          vectors_per_class: { ints: [negatives, order.length - negatives] },
          coefficients: { floats: order.map((v) => c.dualCoef[v]) },
          rho: { floats: [c.intercept] },
          classlabels_ints: { ints: [0, 1] },
          post_transform: { s: 'NONE' },
        },
      });
    }
    const s = c.sigmoid ?? { a: -1, b: 0 };
    initializers.push(
      { name: 'decision_column', dims: [1], type: 'int64', values: [1] },
      { name: 'platt_neg_a', dims: [1], type: 'float', values: [-s.a] },
      { name: 'platt_neg_b', dims: [1], type: 'float', values: [-s.b] },
      { name: 'one', dims: [1], type: 'float', values: [1] },
    );
    nodes.push(
      {
        op: 'Gather',
        inputs: ['svm_scores', 'decision_column'],
        outputs: ['decision'],
        attributes: { axis: { i: 1 } },
      },
      { op: 'Mul', inputs: ['decision', 'platt_neg_a'], outputs: ['platt_scaled'] },
      { op: 'Add', inputs: ['platt_scaled', 'platt_neg_b'], outputs: ['platt_logit'] },
      { op: 'Sigmoid', inputs: ['platt_logit'], outputs: ['p1'] },
      { op: 'Sub', inputs: ['one', 'p1'], outputs: ['p0'] },
      {
        op: 'Concat',
        inputs: ['p0', 'p1'],
        outputs: ['probabilities'],
        attributes: { axis: { i: 1 } },
      },
      // The label is the likelier class under Platt's sigmoid (ORT's binary SVM label follows
      // libsvm's first-class convention, the opposite of the decision sign used here).
      argMaxLabel(),
    );
  } else {
    nodes.push({
      op: 'TreeEnsembleClassifier',
      domain: ML,
      inputs: [x],
      outputs: ['forest_label', 'probabilities'],
      attributes: forestAttributes(c.trees),
    });
    // ORT's own label for a two-class ensemble does not follow the larger probability (its
    // binary rule reads one class's score), so the label is the ArgMax as for the SVM.
    nodes.push(argMaxLabel());
  }
  return encodeModel({
    producer: 'consilium',
    producerVersion: o.producerVersion ?? '0',
    docString: `${p.spec.family} pipeline: ${k} of ${p.inputs} features`,
    opsets: { '': 15, [ML]: 3 },
    graph: {
      name: o.name ?? p.spec.family,
      nodes,
      initializers,
      inputs: [{ name: ONNX_INPUT, type: 'float', shape: ['N', p.inputs] }],
      outputs: [
        { name: 'label', type: 'int64', shape: ['N'] },
        { name: 'probabilities', type: 'float', shape: ['N', 2] },
      ],
    },
    metadata: o.featureNames ? { features: JSON.stringify(o.featureNames) } : {},
  });
}

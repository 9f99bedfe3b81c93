// The steps of a federation, each a pure function from updates to an update, so the CLI (and a
// later UI) only moves signed files between them. Round 0: centers send sums; the coordinator
// answers with the shared scaler, step size and zero parameters. Rounds 1..N: centers send
// locally stepped parameters, the coordinator answers with their average. A linear SVM's rounds
// are Newton steps: centers send squared-hinge sums at the coordinator's point, the coordinator
// steps (squaredHinge.ts); then Platt's sigmoid takes PLATT_ROUNDS rounds of the same kind.
// Forests take one round: centers send trees, the coordinator answers with all of them.
import { ProblemError } from '../../result.ts';
import { growTree } from '../classifiers/cart.ts';
import type { Labels, Matrix } from '../classifiers/matrix.ts';
import type { Pipeline } from '../classifiers/pipeline.ts';
import { seededRandom } from '../classifiers/random.ts';
import { applyScaler, type Scaler } from '../classifiers/standardize.ts';
import {
  federatedAverage,
  localCurvature,
  localLogisticSteps,
  localPlattSums,
  localStats,
  pooledScaler,
} from './fedavg.ts';
import { linearScores } from '../classifiers/logistic.ts';
import { localSquaredHingeSums, newtonRound } from './squaredHinge.ts';
import { checkPrivacy, cryptoNormal, noiseSigma, privatize } from './privacy.ts';
import {
  deserializeTree,
  serializeTree,
  UPDATE_FORMAT,
  type FederatedFamily,
  type ModelUpdate,
  type PrivacyTerms,
} from './update.ts';

export interface FederationSettings {
  readonly federation: string;
  readonly family: FederatedFamily;
  readonly features: readonly string[];
  readonly C?: number;
  /** Local gradient steps per round (logistic); 1 (default) is exact gradient descent on the
   * pooled objective, more steps drift toward each center's own optimum. */
  readonly localSteps?: number;
  /** Total trees (forest), shared out by case count. */
  readonly trees?: number;
  /** Training rounds (logistic, linear SVM); the linear SVM's last one settles on its best point. */
  readonly rounds?: number;
  /** Differential-privacy noise on each center's round update (logistic regression only). */
  readonly privacy?: PrivacyTerms;
  readonly seed?: number;
}

export interface CenterData {
  readonly name: string;
  readonly x: Matrix;
  readonly y: Labels;
}

const base = (s: FederationSettings, round: number, from: string, cases: number): ModelUpdate => ({
  format: UPDATE_FORMAT,
  federation: s.federation,
  round,
  from,
  family: s.family,
  features: [...s.features],
  cases,
});

function checkCenter(s: FederationSettings, c: CenterData): void {
  if (c.x.cols !== s.features.length)
    throw new ProblemError(
      'shape',
      `Center "${c.name}" has ${c.x.cols} features; the federation has ${s.features.length}.`,
      {
        center: c.name,
      },
    );
}

/** Round 0 at a center: what the coordinator needs to standardize and to pick a step size. */
export function centerStats(s: FederationSettings, c: CenterData): ModelUpdate {
  checkCenter(s, c);
  const st = localStats(c.x, c.y);
  return {
    ...base(s, 0, c.name, c.x.rows),
    stats: {
      sum: Array.from(st.sum),
      sumSquares: Array.from(st.sumSquares),
      positives: st.positives,
      curvature: 0,
    },
  };
}

/** The pooled scaler a coordinator's message carries, as the classifiers take it. */
function scalerOf(message: ModelUpdate): Scaler {
  return {
    mean: Float64Array.from(message.scaler!.mean),
    scale: Float64Array.from(message.scaler!.scale),
  };
}

/** Round 0 at a center, after the scaler is known: its curvature bound (a second round-0 step). */
export function centerCurvature(
  s: FederationSettings,
  c: CenterData,
  scaler: ModelUpdate,
): ModelUpdate {
  const z = applyScaler(scalerOf(scaler), c.x);
  const st = centerStats(s, c);
  return { ...st, stats: { ...st.stats!, curvature: localCurvature(z, s.C ?? 1) } };
}

/** The coordinator after round 0: the pooled scaler (and, with curvatures, the step size). */
export function coordinatorStart(
  s: FederationSettings,
  updates: readonly ModelUpdate[],
): ModelUpdate {
  const stats = updates.map((u) => ({
    cases: u.cases,
    sum: u.stats!.sum,
    sumSquares: u.stats!.sumSquares,
  }));
  const scaler = pooledScaler(stats);
  const n = updates.reduce((t, u) => t + u.cases, 0);
  const positives = updates.reduce((t, u) => t + u.stats!.positives, 0);
  if (positives === 0 || positives === n)
    throw new ProblemError(
      'single-class',
      'Across all centers the cases have one label; a classifier needs both.',
      {
        cases: n,
      },
    );
  const curvature = Math.max(...updates.map((u) => u.stats!.curvature)) + 1 / n;
  const zero = { weights: new Array<number>(s.features.length).fill(0), intercept: 0 };
  return {
    ...base(s, 1, 'coordinator', n),
    scaler: { mean: Array.from(scaler.mean), scale: Array.from(scaler.scale) },
    stepSize: 1 / curvature,
    linear: zero,
    ...(s.family === 'svm-linear' ? { positives } : {}),
  };
}

/** Round r ≥ 1 at a center: local steps from the coordinator's parameters (a linear SVM: its
 * squared-hinge sums at them, for the coordinator's Newton step). */
export function centerRound(
  s: FederationSettings,
  c: CenterData,
  global: ModelUpdate,
  normal: () => number = cryptoNormal(),
): ModelUpdate {
  checkCenter(s, c);
  if (s.privacy && s.family !== 'logreg-l2')
    throw new ProblemError(
      'federation-privacy',
      `Differential-privacy noise is offered for logistic regression only; a ${s.family} federation's updates are not parameter vectors it can be added to.`,
      { family: s.family },
    );
  const z = applyScaler(scalerOf(global), c.x);
  const head = base(s, global.round, c.name, c.x.rows);
  if (s.family === 'svm-linear')
    return { ...head, hinge: localSquaredHingeSums(z, c.y, global.linear!, s.C ?? 1) };
  const o = {
    C: s.C ?? 1,
    totalCases: global.cases,
    stepSize: global.stepSize!,
    steps: s.localSteps ?? 1,
  };
  const linear = localLogisticSteps(z, c.y, global.linear!, o);
  if (!s.privacy) return { ...head, linear };
  checkPrivacy(s.privacy);
  return {
    ...head,
    linear: privatize(linear, global.linear!, s.privacy, normal),
    privacy: { ...s.privacy, sigma: noiseSigma(s.privacy) },
  };
}

/** Platt's rounds after a linear SVM's training rounds. */
export const PLATT_ROUNDS = 8;

/** The coordinator after round r: the case-weighted average (a linear SVM: the Newton step from
 * the summed sums), as round r + 1's model. */
export function coordinatorAverage(
  s: FederationSettings,
  previous: ModelUpdate,
  updates: readonly ModelUpdate[],
): ModelUpdate {
  const r = previous.round;
  if (s.family !== 'svm-linear') {
    const linear = federatedAverage(updates.map((u) => ({ cases: u.cases, linear: u.linear! })));
    return { ...previous, round: r + 1, linear };
  }
  const step = newtonRound(
    previous.linear!,
    previous.newton,
    updates.map((u) => u.hinge!),
  );
  // After the last training round the model is the best point seen; Platt's rounds start there.
  if (r >= (s.rounds ?? Infinity)) {
    const { newton: _n, ...rest } = previous;
    return { ...rest, round: r + 1, linear: step.best };
  }
  return { ...previous, round: r + 1, linear: step.next, newton: step.state };
}

/** Platt's sigmoid for a federated linear SVM, at a center: its sums for one Newton step. */
export function centerPlatt(
  s: FederationSettings,
  c: CenterData,
  global: ModelUpdate,
): ModelUpdate {
  checkCenter(s, c);
  const scaler = scalerOf(global);
  const model = global.linear!;
  const decision = linearScores(
    applyScaler(scaler, c.x),
    Float64Array.from(model.weights),
    model.intercept,
  );
  const positives = global.positives!;
  const platt = localPlattSums(
    decision,
    c.y,
    global.sigmoid ?? plattStart(positives, global.cases - positives),
    positives,
    global.cases - positives,
  );
  return { ...base(s, global.round, c.name, c.x.rows), platt };
}

const plattStart = (positives: number, negatives: number) => ({
  a: 0,
  b: Math.log((negatives + 1) / (positives + 1)),
});

/** The coordinator's Newton step on Platt's objective from the centers' summed sums (the
 * objective is convex and smooth; a few steps from Platt's start reach fitPlatt's optimum). */
export function coordinatorPlatt(
  s: FederationSettings,
  global: ModelUpdate,
  updates: readonly ModelUpdate[],
): ModelUpdate {
  const t = { g1: 0, g2: 0, h11: 1e-12, h21: 0, h22: 1e-12 };
  for (const u of updates) {
    t.g1 += u.platt!.g1;
    t.g2 += u.platt!.g2;
    t.h11 += u.platt!.h11;
    t.h21 += u.platt!.h21;
    t.h22 += u.platt!.h22;
  }
  const positives = global.positives!;
  const at = global.sigmoid ?? plattStart(positives, global.cases - positives);
  const det = t.h11 * t.h22 - t.h21 * t.h21;
  const sigmoid = {
    a: at.a - (t.h22 * t.g1 - t.h21 * t.g2) / det,
    b: at.b - (-t.h21 * t.g1 + t.h11 * t.g2) / det,
  };
  return { ...global, round: global.round + 1, sigmoid };
}

/** A forest's one round at a center: its share of the trees, grown on its own cases. */
export function centerForest(
  s: FederationSettings,
  c: CenterData,
  totalCases: number,
  index: number,
): ModelUpdate {
  checkCenter(s, c);
  const { rows: n, cols: p, data } = c.x;
  const columns = new Float32Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) columns[j * n + i] = data[i * p + j];
  const count = Math.max(1, Math.round(((s.trees ?? 100) * n) / totalCases));
  const random = seededRandom((s.seed ?? 0) * 7919 + index + 1);
  const weight = new Float64Array(n);
  const trees = [];
  for (let t = 0; t < count; t++) {
    weight.fill(0);
    for (let k = 0; k < n; k++) weight[random.below(n)] += 1;
    trees.push(
      serializeTree(
        growTree(
          { rows: n, cols: p, columns, labels: c.y },
          weight,
          Math.max(1, Math.floor(Math.sqrt(p))),
          random,
        ),
      ),
    );
  }
  return { ...base(s, 1, c.name, n), trees };
}

export function coordinatorForest(
  s: FederationSettings,
  updates: readonly ModelUpdate[],
): ModelUpdate {
  return {
    ...base(
      s,
      2,
      'coordinator',
      updates.reduce((t, u) => t + u.cases, 0),
    ),
    trees: updates.flatMap((u) => u.trees ?? []),
  };
}

/** The federation's final model as a pipeline (for prediction and ONNX export). */
export function federatedPipeline(s: FederationSettings, final: ModelUpdate): Pipeline {
  const p = s.features.length;
  const selected = Int32Array.from({ length: p }, (_, j) => j);
  if (s.family === 'forest')
    return {
      spec: { family: 'forest', seed: s.seed },
      inputs: p,
      selected,
      scaler: null,
      classifier: { kind: 'forest', trees: final.trees!.map(deserializeTree), features: p },
    };
  const scaler = scalerOf(final);
  if (s.family === 'svm-linear') {
    // A linear SVM as its weight vector: the identity as support vectors, w as coefficients.
    const identity = new Float64Array(p * p);
    for (let j = 0; j < p; j++) identity[j * p + j] = 1;
    return {
      spec: { family: 'svm-linear', C: s.C ?? 1 },
      inputs: p,
      selected,
      scaler,
      classifier: {
        kind: 'svm',
        kernel: { kind: 'linear' },
        supportVectors: { rows: p, cols: p, data: identity },
        dualCoef: Float64Array.from(final.linear!.weights),
        intercept: final.linear!.intercept,
        sigmoid: final.sigmoid ?? null,
      },
    };
  }
  return {
    spec: { family: 'logreg-l2', C: s.C ?? 1 },
    inputs: p,
    selected,
    scaler,
    classifier: {
      kind: 'logistic',
      weights: Float64Array.from(final.linear!.weights),
      intercept: final.linear!.intercept,
    },
  };
}

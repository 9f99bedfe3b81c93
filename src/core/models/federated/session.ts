// A federation run by hand, each party in its own workbench, exchanging signed files (no server):
// the same steps as `consilium federate` (federation.ts), chosen from what the last file says.
// A center needs only the coordinator's latest message; the coordinator needs its own latest
// message and the centers' answers to it. Every message carries the federation's terms, so an
// answer made under other terms is refused by name, never averaged in.
import { canonicalJson } from '../../crypto/canonicalJson.ts';
import { ProblemError, type Problem } from '../../result.ts';
import { takeLabels, takeRows, type Labels, type Matrix } from '../classifiers/matrix.ts';
import { pipelineProbability } from '../classifiers/pipeline.ts';
import { binaryMetrics, type BinaryMetrics } from '../metrics/binary.ts';
import { stratifiedKFolds } from '../validation/folds.ts';
import {
  centerCurvature,
  centerForest,
  centerPlatt,
  centerRound,
  centerStats,
  coordinatorAverage,
  coordinatorForest,
  coordinatorPlatt,
  coordinatorStart,
  federatedPipeline,
  PLATT_ROUNDS,
  type CenterData,
  type FederationSettings,
} from './federation.ts';
import { checkPrivacy } from './privacy.ts';
import {
  UPDATE_FORMAT,
  type FederatedFamily,
  type FederationStage,
  type FederationTerms,
  type ModelUpdate,
} from './update.ts';

/** What a center starts a federation with (round 1's "start"). */
export interface FederationStart {
  readonly federation: string;
  readonly family: FederatedFamily;
  readonly terms: FederationTerms;
}

/** A center's own cases, and its place in the federation (1-based, as people count). */
export interface LocalCenter {
  readonly name: string;
  readonly number: number;
  readonly features: readonly string[];
  readonly x: Matrix;
  readonly y: Labels;
  /** Label names for 0 and 1. */
  readonly labels?: readonly [string, string];
  /** The settings its features were computed with (checked against the federation's). */
  readonly featureSettings?: FederationTerms['featureSettings'];
}

export const settingsOf = (u: ModelUpdate): FederationSettings => ({
  federation: u.federation,
  family: u.family,
  features: u.features,
  C: u.terms!.C,
  localSteps: u.terms!.localSteps,
  trees: u.terms!.trees,
  seed: u.terms!.seed,
  rounds: u.terms!.rounds,
  ...(u.terms!.privacy ? { privacy: u.terms!.privacy } : {}),
});

/** The coordinator's message that ends training: the model every center now holds. */
export function isFinal(m: ModelUpdate): boolean {
  if (m.from !== 'coordinator' || m.stage) return false;
  if (m.family === 'forest') return Boolean(m.trees);
  const rounds = m.terms?.rounds ?? Infinity;
  return m.round > rounds + (m.family === 'svm-linear' ? PLATT_ROUNDS : 0);
}

/** A linear SVM's rounds after its training rounds fit Platt's sigmoid. */
export const isPlattRound = (m: ModelUpdate): boolean =>
  m.family === 'svm-linear' && m.round > (m.terms?.rounds ?? Infinity);

/** The answers the coordinator waits for after its message `previous` (null: none sent yet). */
export function expectedAnswer(previous: ModelUpdate | null): {
  round: number;
  stage?: FederationStage;
} {
  if (!previous) return { round: 0, stage: 'stats' };
  if (previous.stage === 'scaler')
    return previous.family === 'forest' ? { round: 1 } : { round: 0, stage: 'curvature' };
  if (isFinal(previous)) return { round: previous.round, stage: 'validation' };
  return { round: previous.round };
}

const stageWords: Record<FederationStage | 'round', string> = {
  stats: "the centers' feature sums",
  scaler: 'the shared scaler',
  curvature: "the centers' step-size bounds",
  validation: "the centers' held-out metrics",
  round: 'locally trained parameters',
};

function checkTerms(start: FederationStart): void {
  const t = start.terms;
  if (t.privacy) {
    checkPrivacy(t.privacy);
    if (start.family !== 'logreg-l2')
      throw new ProblemError(
        'federation-privacy',
        'Differential-privacy noise is offered for logistic regression only.',
        { family: start.family },
      );
  }
  if (!(t.holdout >= 0 && t.holdout < 0.5))
    throw new ProblemError('federation-terms', 'The held-out fraction is from 0 to below 0.5.', {
      holdout: t.holdout,
    });
  if (!(t.C > 0) || !(t.rounds >= 1) || !(t.localSteps >= 1) || !(t.trees >= 1))
    throw new ProblemError(
      'federation-terms',
      'C must be above 0, and rounds, local steps and trees at least 1.',
      {},
    );
}

/** The center's training cases and held-out cases, split as `consilium federate --holdout` does
 * (seed + the center's place − 1). */
export function splitCenter(c: LocalCenter, terms: FederationTerms) {
  const data: CenterData = { name: c.name, x: c.x, y: c.y };
  if (terms.holdout === 0) return { data, held: null };
  const fold = stratifiedKFolds(
    c.y,
    Math.round(1 / terms.holdout),
    1,
    terms.seed + c.number - 1,
  )[0];
  return {
    data: { name: c.name, x: takeRows(c.x, fold.train), y: takeLabels(c.y, fold.train) },
    held: { x: takeRows(c.x, fold.test), y: takeLabels(c.y, fold.test) },
  };
}

/** A center's answer to the coordinator's message (or its first step, from `start`). */
export function participantStep(
  center: LocalCenter,
  message: ModelUpdate | null,
  start?: FederationStart,
): ModelUpdate {
  const from = message ?? null;
  if (from && (from.from !== 'coordinator' || !from.terms))
    throw new ProblemError(
      'federation-not-coordinator',
      `This file is an update from "${from.from}", not the coordinator's model; a center answers the coordinator's message.`,
      { from: from.from },
    );
  const head: FederationStart = from
    ? { federation: from.federation, family: from.family, terms: from.terms! }
    : start!;
  checkTerms(head);
  if (from && from.features.join('\n') !== center.features.join('\n'))
    throw new ProblemError(
      'federation-features',
      `The federation trains on ${from.features.length} features that differ from this center's ${center.features.length} (${from.features.find((f) => !center.features.includes(f)) ?? 'their order'}); every center needs the same features, computed with the same settings.`,
      { expected: from.features.length, have: center.features.length },
    );
  const labels = head.terms.labels;
  if (from && labels && center.labels && labels.join('\n') !== center.labels.join('\n'))
    throw new ProblemError(
      'federation-labels',
      `The federation's labels are ${labels.join(' / ')}; this center's cases are labelled ${center.labels.join(' / ')}.`,
      { expected: labels.join(', '), have: center.labels.join(', ') },
    );
  if (
    from &&
    canonicalJson(head.terms.featureSettings ?? null) !==
      canonicalJson(center.featureSettings ?? null)
  )
    throw new ProblemError(
      'federation-feature-settings',
      "This center's features were computed with other settings (discretisation, aggregation, filters) than the federation's; compute them with the federation's settings first.",
      {},
    );
  const s: FederationSettings = settingsOf({
    federation: head.federation,
    family: head.family,
    features: center.features,
    terms: head.terms,
  } as ModelUpdate);
  const { data, held } = splitCenter(center, head.terms);
  const withTerms = (u: ModelUpdate, stage?: FederationStage): ModelUpdate => ({
    ...u,
    terms: head.terms,
    ...(stage ? { stage } : {}),
  });
  if (!from) return withTerms(centerStats(s, data), 'stats');
  if (from.stage === 'scaler')
    return from.family === 'forest'
      ? withTerms(centerForest(s, data, from.cases, center.number - 1))
      : withTerms(centerCurvature(s, data, from), 'curvature');
  if (isFinal(from)) {
    // The final model on this center's held-out cases (none held out: counts only).
    const model = federatedPipeline(s, from);
    return withTerms(
      {
        format: UPDATE_FORMAT,
        federation: s.federation,
        round: from.round,
        from: center.name,
        family: s.family,
        features: [...s.features],
        cases: center.y.length,
        positives: center.y.reduce((t, v) => t + v, 0),
        ...(held ? { validation: binaryMetrics(pipelineProbability(model, held.x), held.y) } : {}),
      },
      'validation',
    );
  }
  if (from.stage)
    throw new ProblemError(
      'federation-stage',
      `This message is ${stageWords[from.stage]}, which centers do not answer.`,
      { stage: from.stage },
    );
  return withTerms(isPlattRound(from) ? centerPlatt(s, data, from) : centerRound(s, data, from));
}

const sameTerms = (a: FederationTerms, b: FederationTerms) => canonicalJson(a) === canonicalJson(b);

/**
 * The answers this step can use, and a Problem for each left out: another stage or features, or
 * other terms (those of `previous`, or of most answers when the coordinator has sent nothing).
 * The signature, trust, federation and round are readUpdate's checks, made before this.
 */
export function screenAnswers(
  previous: ModelUpdate | null,
  answers: readonly { file: string; update: ModelUpdate }[],
): { accepted: ModelUpdate[]; refused: Problem[] } {
  const expected = expectedAnswer(previous);
  const reference =
    previous ??
    [...answers]
      .map((a) => a.update)
      .sort(
        (a, b) =>
          answers.filter((x) => x.update.terms && sameTerms(x.update.terms, b.terms!)).length -
          answers.filter((x) => x.update.terms && sameTerms(x.update.terms, a.terms!)).length,
      )
      .find((u) => u.terms);
  const accepted: ModelUpdate[] = [];
  const refused: Problem[] = [];
  const seen = new Set<string>();
  for (const { file, update: u } of answers) {
    const refuse = (code: string, reason: string, params: Problem['params'] = {}) =>
      refused.push({ code, reason, params: { file, from: u.from, ...params } });
    if (u.from === 'coordinator') {
      refuse(
        'update-from-coordinator',
        `${file} is the coordinator's own message, not a center's answer.`,
      );
      continue;
    }
    if ((u.stage ?? 'round') !== (expected.stage ?? 'round')) {
      refuse(
        'update-wrong-stage',
        `The update from "${u.from}" holds ${stageWords[u.stage ?? 'round']}; this step needs ${stageWords[expected.stage ?? 'round']}.`,
      );
      continue;
    }
    if (
      u.terms &&
      reference?.terms &&
      canonicalJson(u.terms.featureSettings ?? null) !==
        canonicalJson(reference.terms.featureSettings ?? null)
    ) {
      refuse(
        'update-feature-settings',
        `The update from "${u.from}" was computed from features made with other settings (discretisation, aggregation, filters) than this federation's; its values cannot be pooled.`,
      );
      continue;
    }
    if (!u.terms || !reference?.terms || !sameTerms(u.terms, reference.terms)) {
      refuse(
        'update-wrong-terms',
        `The update from "${u.from}" was made with other settings (${termsText(u.terms)}) than this federation's (${termsText(reference?.terms)}).`,
      );
      continue;
    }
    if (reference?.terms?.privacy && u.linear && !u.privacy) {
      refuse(
        'update-not-private',
        `The update from "${u.from}" carries no differential-privacy noise, which this federation's terms require; it is left out.`,
      );
      continue;
    }
    if (reference && u.features.join('\n') !== reference.features.join('\n')) {
      refuse(
        'update-wrong-features',
        `The update from "${u.from}" has ${u.features.length} features, not the federation's ${reference.features.length} in the same order.`,
      );
      continue;
    }
    if (seen.has(u.from)) {
      refuse(
        'update-duplicate',
        `A second update from "${u.from}" for this step; the first is kept.`,
      );
      continue;
    }
    seen.add(u.from);
    accepted.push(u);
  }
  return { accepted, refused };
}

const termsText = (t: FederationTerms | undefined) =>
  t
    ? `${t.rounds} rounds, C ${t.C}, ${t.localSteps} local steps, ${t.trees} trees, seed ${t.seed}, held out ${t.holdout}${t.labels ? `, labels ${t.labels.join(' / ')}` : ''}${t.privacy ? `, differential privacy ε ${t.privacy.epsilon} δ ${t.privacy.delta} clip ${t.privacy.clip}` : ', no differential privacy'}`
    : 'none stated';

/** The coordinator's next message from the centers' answers to `previous`. */
export function coordinatorStep(
  previous: ModelUpdate | null,
  answers: readonly ModelUpdate[],
): ModelUpdate {
  if (answers.length === 0)
    throw new ProblemError(
      'federation-no-updates',
      "No center's update could be used for this step; nothing was averaged.",
      {},
    );
  const expected = expectedAnswer(previous);
  if (expected.stage === 'validation')
    throw new ProblemError(
      'federation-finished',
      'Training is finished; the centers now send their held-out metrics.',
      {},
    );
  const s = settingsOf(previous ?? answers[0]);
  const terms = (previous ?? answers[0]).terms!;
  if (expected.stage === 'stats') {
    const { stepSize: _s, linear: _l, positives: _p, ...start } = coordinatorStart(s, answers);
    return { ...start, round: 0, stage: 'scaler', terms };
  }
  if (expected.stage === 'curvature') return { ...coordinatorStart(s, answers), terms };
  if (s.family === 'forest') return { ...coordinatorForest(s, answers), terms };
  if (isPlattRound(previous!)) return coordinatorPlatt(s, previous!, answers);
  return coordinatorAverage(s, previous!, answers);
}

export interface FederatedValidation {
  readonly perCenter: readonly { readonly center: string; readonly metrics: BinaryMetrics }[];
  /** Case-weighted over centers, as `consilium federate` reports it. */
  readonly caseWeightedAuc: number | null;
  readonly cases: number;
}

export function aggregateValidation(answers: readonly ModelUpdate[]): FederatedValidation {
  const perCenter = answers
    .filter((u) => u.validation)
    .map((u) => ({ center: u.from, metrics: u.validation! }));
  const withAuc = perCenter.filter((c) => c.metrics.auc !== null);
  const cases = perCenter.reduce((t, c) => t + c.metrics.cases, 0);
  const aucCases = withAuc.reduce((t, c) => t + c.metrics.cases, 0);
  return {
    perCenter,
    caseWeightedAuc: aucCases
      ? withAuc.reduce((t, c) => t + c.metrics.auc! * c.metrics.cases, 0) / aucCases
      : null,
    cases,
  };
}

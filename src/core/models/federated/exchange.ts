// The files of a federation run by hand: a center reads the coordinator's signed message (its
// signature and a trusted key checked), answers from its own bundles and signs the answer; the
// coordinator reads the centers' signed answers (each refused one stated and left out), takes the
// next step and signs it, and at the end writes the final model as ONNX with its card and the
// centers' held-out metrics.
import type { Manifest } from '../../bundle/types.ts';
import type { CryptoKeyHandle } from '../../crypto/subtle.ts';
import { sha256Hex } from '../../inference/card.ts';
import type { ModelCard } from '../../inference/modelCard.ts';
import { problemOf, ProblemError, type Problem } from '../../result.ts';
import type { BinaryMetrics, ReliabilityBin } from '../metrics/binary.ts';
import { exportPipelineOnnx } from '../onnx/exportPipeline.ts';
import { trainingCard } from '../onnx/trainingCard.ts';
import { settingsOfObject } from '../../analysis/paramsFile/readSettings.ts';
import type { SettingsFile } from '../../analysis/paramsFile/settings.ts';
import { recordableSettings } from '../featureModel/recordedSettings.ts';
import { studyTable, type StudyTable } from '../study/studyTable.ts';
import { studyDataOfTable } from '../training/studyData.ts';
import type { ValidationReport } from '../validation/crossValidate.ts';
import { federatedPipeline, PLATT_ROUNDS } from './federation.ts';
import {
  aggregateValidation,
  coordinatorStep,
  expectedAnswer,
  isFinal,
  participantStep,
  screenAnswers,
  settingsOf,
  type FederatedValidation,
  type FederationStart,
} from './session.ts';
import { readUpdate, signUpdate } from './signedUpdate.ts';
import { noiseSigma } from './privacy.ts';
import type { FederatedFamily, ModelUpdate, PrivacyTerms } from './update.ts';

/** The settings the table's features were computed with, as a model card records them. */
function recordedSettings(table: StudyTable): SettingsFile | undefined {
  if (!table.settings) return undefined;
  const read = settingsOfObject(table.settings, 'the bundles’ feature settings');
  return read.ok ? recordableSettings(read.value.settings.params) : undefined;
}

export interface Signer {
  readonly privateKey: CryptoKeyHandle;
  readonly publicKey: CryptoKeyHandle;
}

export interface FileText {
  readonly file: string;
  readonly text: string;
}

export interface SignedMessage {
  /** A file name that says what it is: federation, sender, round and step. */
  readonly file: string;
  readonly text: string;
  readonly update: ModelUpdate;
}

type Progress = (done: number, total: number) => void;

const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'x';

async function signed(u: ModelUpdate, signer: Signer): Promise<SignedMessage> {
  const kind = u.from === 'coordinator' ? 'model' : 'update';
  const step = u.stage ? `-${u.stage}` : '';
  return {
    file: `${safe(u.federation)}-${safe(u.from)}-round${u.round}${step}.${kind}.json`,
    text: JSON.stringify(await signUpdate(u, signer.privateKey, signer.publicKey)) + '\n',
    update: u,
  };
}

/** The sender's own claims, read before verification only to know what to verify against. */
function claims(text: string): Partial<ModelUpdate> {
  try {
    return ((JSON.parse(text) as { update?: ModelUpdate }).update ?? {}) as Partial<ModelUpdate>;
  } catch {
    return {};
  }
}

/** A coordinator's message, its signature from a trusted key. */
async function readCoordinator(m: FileText, trusted: readonly string[]): Promise<ModelUpdate> {
  const c = claims(m.text);
  const u = await readUpdate(
    m.text,
    {
      federation: c.federation ?? '',
      round: c.round ?? -1,
      family: c.family ?? 'logreg-l2',
      trusted: new Set(trusted),
    },
    m.file,
  );
  if (u.from !== 'coordinator' || !u.terms)
    throw new ProblemError(
      'federation-not-coordinator',
      `${m.file} is an update from "${u.from}", not the coordinator's message.`,
      { file: m.file, from: u.from },
    );
  return u;
}

export interface CenterRequest {
  readonly manifests: readonly Manifest[];
  /** Labels by case key (a labels CSV); they override the bundles' own. */
  readonly labels?: Readonly<Record<string, string>>;
  readonly center: { readonly name: string; readonly number: number };
  /** The coordinator's latest message; none to start the federation with `start`. */
  readonly message: FileText | null;
  readonly start?: Omit<FederationStart, 'terms'> & {
    readonly terms: Omit<FederationStart['terms'], 'labels'>;
  };
  /** Fingerprints of the keys trusted to sign the coordinator's messages. */
  readonly trusted: readonly string[];
}

export interface CenterAnswer {
  readonly received: ModelUpdate | null;
  readonly answer: SignedMessage;
  /** The final model, when the message was it: ONNX and card, as every center now holds. */
  readonly model?: FinalModel;
}

export interface FinalModel {
  readonly onnx: Uint8Array;
  readonly card: ModelCard;
}

export async function centerAnswer(
  req: CenterRequest,
  signer: Signer,
  onProgress?: Progress,
): Promise<CenterAnswer> {
  onProgress?.(0, 2);
  const received = req.message ? await readCoordinator(req.message, req.trusted) : null;
  const table = studyTable(
    req.manifests.map((manifest) => ({ center: manifest.center.name, manifest })),
    req.labels ? { labels: req.labels } : {},
  );
  const data = studyDataOfTable(table);
  const features = table.features.map((f) => `${f.name} [${f.code}]`);
  const featureSettings = recordedSettings(table);
  const start = req.start && {
    ...req.start,
    terms: {
      ...req.start.terms,
      labels: data.labels,
      ...(featureSettings ? { featureSettings } : {}),
    },
  };
  onProgress?.(1, 2);
  const update = participantStep(
    {
      ...req.center,
      features,
      x: data.x,
      y: data.y,
      labels: data.labels,
      ...(featureSettings ? { featureSettings } : {}),
    },
    received,
    start,
  );
  const answer = await signed(update, signer);
  onProgress?.(2, 2);
  return {
    received,
    answer,
    ...(received && isFinal(received) ? { model: await finalModel(received, [], 'model') } : {}),
  };
}

export interface CoordinatorRequest {
  /** The coordinator's own latest message (null before the first step). */
  readonly previous: FileText | null;
  readonly answers: readonly FileText[];
  readonly trusted: readonly string[];
  readonly name: string;
  readonly producer?: string;
}

export interface CoordinatorAnswer {
  readonly previous: ModelUpdate | null;
  readonly accepted: readonly { readonly from: string; readonly cases: number }[];
  readonly refused: readonly Problem[];
  readonly next?: SignedMessage;
  readonly validation?: FederatedValidation;
  /** The same figures as a validation report (the training view's table and plot). */
  readonly report?: ValidationReport | null;
  readonly model?: FinalModel;
}

const mostCommon = (values: readonly (string | undefined)[]) => {
  const count = new Map<string, number>();
  for (const v of values) if (v !== undefined) count.set(v, (count.get(v) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
};

export async function coordinatorAnswer(
  req: CoordinatorRequest,
  signer: Signer,
  onProgress?: Progress,
): Promise<CoordinatorAnswer> {
  const total = req.answers.length + 1;
  onProgress?.(0, total);
  const previous = req.previous ? await readCoordinator(req.previous, req.trusted) : null;
  const expected = expectedAnswer(previous);
  const claimed = req.answers.map((a) => claims(a.text));
  const federation = previous?.federation ?? mostCommon(claimed.map((c) => c.federation)) ?? '';
  const family =
    previous?.family ??
    ((mostCommon(claimed.map((c) => c.family)) ?? 'logreg-l2') as FederatedFamily);
  const refused: Problem[] = [];
  const read: { file: string; update: ModelUpdate }[] = [];
  for (const [k, a] of req.answers.entries()) {
    try {
      const update = await readUpdate(
        a.text,
        { federation, round: expected.round, family, trusted: new Set(req.trusted) },
        a.file,
      );
      read.push({ file: a.file, update });
    } catch (e) {
      const p = problemOf(e, 'update-malformed');
      refused.push({ ...p, params: { file: a.file, ...p.params } });
    }
    onProgress?.(k + 1, total);
  }
  const screened = screenAnswers(previous, read);
  refused.push(...screened.refused);
  const accepted = screened.accepted.map((u) => ({ from: u.from, cases: u.cases }));
  if (expected.stage === 'validation') {
    const validation = aggregateValidation(screened.accepted);
    const report = reportOf(validation);
    return {
      previous,
      accepted,
      refused,
      validation,
      report,
      model: await finalModel(previous!, screened.accepted, req.name, req.producer, report),
    };
  }
  const next = await signed(coordinatorStep(previous, screened.accepted), signer);
  onProgress?.(total, total);
  return { previous, accepted, refused, next };
}

const weighted = (rows: readonly { w: number; v: number | null }[]) => {
  const known = rows.filter((r) => r.v !== null && r.w > 0);
  const w = known.reduce((t, r) => t + r.w, 0);
  return w ? known.reduce((t, r) => t + r.w * r.v!, 0) / w : null;
};

/** The centers' held-out metrics as one figure set: sums of counts, case-weighted means (the AUC
 * too, as `consilium federate` reports it; no pooled ROC exists without the pooled cases). */
function overallOf(metrics: readonly BinaryMetrics[]): BinaryMetrics {
  const cases = metrics.reduce((t, m) => t + m.cases, 0);
  const positives = metrics.reduce((t, m) => t + m.positives, 0);
  const bins: ReliabilityBin[] = (metrics[0]?.reliability ?? []).map((b, k) => {
    const rows = metrics.map((m) => m.reliability[k]);
    return {
      lower: b.lower,
      upper: b.upper,
      cases: rows.reduce((t, r) => t + r.cases, 0),
      predicted: weighted(rows.map((r) => ({ w: r.cases, v: r.predicted }))),
      observed: weighted(rows.map((r) => ({ w: r.cases, v: r.observed }))),
    };
  });
  return {
    cases,
    positives,
    auc: weighted(metrics.map((m) => ({ w: m.cases, v: m.auc }))),
    aucCi: null,
    threshold: 0.5,
    accuracy: weighted(metrics.map((m) => ({ w: m.cases, v: m.accuracy }))) ?? 0,
    sensitivity: weighted(metrics.map((m) => ({ w: m.positives, v: m.sensitivity }))),
    specificity: weighted(metrics.map((m) => ({ w: m.cases - m.positives, v: m.specificity }))),
    brier: weighted(metrics.map((m) => ({ w: m.cases, v: m.brier }))) ?? 0,
    reliability: bins,
  };
}

function reportOf(validation: FederatedValidation): ValidationReport | null {
  if (!validation.perCenter.length) return null;
  return {
    scheme: 'k-fold',
    folds: 1,
    repeats: 1,
    overall: overallOf(validation.perCenter.map((c) => c.metrics)),
    repeatAuc: [],
    perCenter: validation.perCenter,
  };
}

const howTrained = (family: FederatedFamily, rounds: number) =>
  family === 'forest'
    ? 'federated tree merging'
    : family === 'svm-linear'
      ? `${rounds} rounds of federated Newton steps on the squared hinge loss with L2 (LinearSVC's objective, intercept not penalised), then Platt's sigmoid in ${PLATT_ROUNDS} rounds`
      : `federated averaging over ${rounds} rounds`;

/** The card's statement of the noise every center added (privacy.ts). */
const privacyText = (p: PrivacyTerms, rounds: number) =>
  `Differential privacy: each center's update in each of the ${rounds} rounds was clipped to L2 norm ${p.clip} and given Gaussian noise of σ ${noiseSigma(p).toPrecision(4)} per parameter, (ε ${p.epsilon}, δ ${p.delta})-differentially private per round for a center's whole contribution; over the rounds at most (ε ${p.epsilon * rounds}, δ ${p.delta * rounds}) by composition. The round-0 feature sums and the case counts carry no noise.`;

async function finalModel(
  final: ModelUpdate,
  answers: readonly ModelUpdate[],
  name: string,
  producer = 'consilium (workbench federation)',
  report: ValidationReport | null = null,
): Promise<FinalModel> {
  const s = settingsOf(final);
  const pipeline = federatedPipeline(s, final);
  const modelName = safe(name);
  const onnx = exportPipelineOnnx(pipeline, { name: modelName, featureNames: [...s.features] });
  const t = final.terms!;
  const card = trainingCard({
    name: modelName,
    modelFile: `${modelName}.onnx`,
    sha256: await sha256Hex(onnx),
    features: s.features.map((f) => ({
      name: f.replace(/ \[[0-9A-Z]{4}\]$/, ''),
      ibsi: /\[([0-9A-Z]{4})\]$/.exec(f)?.[1] ?? f,
    })),
    labels: t.labels ?? ['0', '1'],
    spec: pipeline.spec,
    selectedFeatures: [...s.features],
    centers: answers.map((u) => ({ center: u.from, cases: u.cases, positives: u.positives ?? 0 })),
    dataset: `federation ${final.federation}: ${answers.length ? answers.map((u) => u.from).join(', ') : `${final.cases} cases`}, no case pooled`,
    validationScheme: report
      ? `federated: each center's held-out ${Math.round(t.holdout * 100)} % of its cases (AUC case-weighted over centers)`
      : null,
    validation: report,
    producer,
    ...(t.featureSettings ? { featureSettings: t.featureSettings } : {}),
    limitations: [
      `Trained by ${howTrained(s.family, t.rounds)}; no center's cases left it.`,
      ...(t.privacy ? [privacyText(t.privacy, t.rounds)] : []),
    ],
  });
  return { onnx, card };
}

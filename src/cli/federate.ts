// consilium federate: a whole federation of K centers simulated on one machine, each center a
// folder with its own study.csv. Every exchange goes through files as it would between
// hospitals: a center writes its signed update into its folder, the coordinator reads and
// verifies it (trusted key, federation, round), averages, and writes the signed next model back
// into each folder, which the center verifies in turn. No case-level value leaves a center's
// study.csv; with --holdout each center keeps some cases out and reports only its metrics.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { generateSigningKeys, keyFingerprint } from '../core/crypto/keys.ts';
import type { KeyPairHandle } from '../core/crypto/subtle.ts';
import { sha256Hex } from '../core/inference/card.ts';
import { takeLabels, takeRows } from '../core/models/classifiers/matrix.ts';
import { pipelineProbability } from '../core/models/classifiers/pipeline.ts';
import {
  centerCurvature,
  centerForest,
  centerRound,
  centerStats,
  centerPlatt,
  coordinatorAverage,
  coordinatorPlatt,
  coordinatorForest,
  coordinatorStart,
  federatedPipeline,
  PLATT_ROUNDS,
  type CenterData,
  type FederationSettings,
} from '../core/models/federated/federation.ts';
import { readUpdate, signUpdate } from '../core/models/federated/signedUpdate.ts';
import { noiseSigma } from '../core/models/federated/privacy.ts';
import type {
  FederatedFamily,
  ModelUpdate,
  PrivacyTerms,
} from '../core/models/federated/update.ts';
import { binaryMetrics, type BinaryMetrics } from '../core/models/metrics/binary.ts';
import { exportPipelineOnnx } from '../core/models/onnx/exportPipeline.ts';
import { stratifiedKFolds } from '../core/models/validation/folds.ts';
import { parseStudyCsv, type TrainingStudy } from '../core/models/validation/studyCsv.ts';
import { ok, problemOf, ProblemError } from '../core/result.ts';
import { SOFTWARE } from '../core/version.ts';
import { numberOf, parseCommand, parseOrUsage, UsageError, wholeNumber } from './io/commandArgs.ts';
import { writeRecord } from './io/records.ts';

const usage =
  'Usage: consilium federate --centers DIR DIR… [--model logreg-l2|svm-linear|forest] [--rounds N] [--local-steps E] [--C C] [--trees N] [--holdout F] [--seed S] [--dp-epsilon E --dp-delta D --dp-clip C] [--out model.onnx] [--json]\n' +
  "  Simulates a federation on one machine: each DIR holds one center's study.csv; centers\n" +
  '  exchange only signed model updates (parameters and case counts) through files in\n' +
  "  DIR/federation/, verified against the federation's keys and the round number.\n" +
  '  logreg-l2: FedAvg for --rounds (default 300) with --local-steps (default 1, which equals\n' +
  '  training on the pooled cases); forest: one round, each center grows its share of --trees.\n' +
  "  svm-linear: the squared hinge loss with L2 (LinearSVC's), by federated Newton steps for\n" +
  "  --rounds (default 15; it reaches the pooled optimum in about 10), then Platt's sigmoid by\n" +
  '  8 federated Newton steps.\n' +
  '  --holdout F: each center keeps a stratified fraction F of its cases out of training and\n' +
  "  reports the final model's metrics on them.\n" +
  '  --dp-epsilon E --dp-delta D --dp-clip C (logreg-l2): each center clips its round update to\n' +
  '  norm C and adds Gaussian noise for (E, D)-differential privacy per round (R rounds: at most\n' +
  '  (R·E, R·D)); it costs accuracy, see docs/federated.md.\n';

const DEFAULT_ROUNDS: Record<FederatedFamily, number> = {
  'logreg-l2': 300,
  'svm-linear': 15,
  forest: 1,
};

interface FederateArgs {
  readonly centers: string[];
  readonly family: FederatedFamily;
  readonly rounds: number;
  readonly localSteps: number;
  readonly C: number;
  readonly trees: number;
  readonly holdout: number;
  readonly seed: number;
  readonly privacy?: PrivacyTerms;
  readonly out?: string;
  readonly json: boolean;
}

const options = {
  centers: { type: 'string', multiple: true },
  model: { type: 'string' },
  rounds: { type: 'string' },
  'local-steps': { type: 'string' },
  C: { type: 'string' },
  trees: { type: 'string' },
  holdout: { type: 'string' },
  seed: { type: 'string' },
  'dp-epsilon': { type: 'string' },
  'dp-delta': { type: 'string' },
  'dp-clip': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function parseFederateArgs(argv: readonly string[]): FederateArgs {
  // --centers a b c: the directories after --centers, up to the next option.
  const joined: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] !== '--centers') {
      joined.push(argv[k]);
      continue;
    }
    while (k + 1 < argv.length && !argv[k + 1].startsWith('--'))
      joined.push('--centers', argv[++k]);
  }
  const { values: v, positionals } = parseCommand(joined, options);
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const centers = v.centers ?? [];
  if (centers.length < 2) throw new UsageError('--centers needs at least two center folders.');
  const family = (v.model ?? 'logreg-l2') as FederatedFamily;
  if (family !== 'logreg-l2' && family !== 'svm-linear' && family !== 'forest')
    throw new UsageError('--model is logreg-l2, svm-linear or forest for a federation.');
  const holdout = v.holdout === undefined ? 0 : numberOf('holdout', v.holdout);
  if (holdout < 0 || holdout >= 0.5)
    throw new UsageError('--holdout is a fraction from 0 to below 0.5.');
  const C = v.C === undefined ? 1 : numberOf('C', v.C);
  if (!(C > 0)) throw new UsageError('--C must be above 0.');
  const dp = [v['dp-epsilon'], v['dp-delta'], v['dp-clip']];
  if (dp.some((d) => d !== undefined) && dp.some((d) => d === undefined))
    throw new UsageError(
      'Differential privacy needs all three of --dp-epsilon, --dp-delta and --dp-clip.',
    );
  const privacy =
    v['dp-epsilon'] === undefined
      ? undefined
      : {
          epsilon: numberOf('dp-epsilon', v['dp-epsilon']),
          delta: numberOf('dp-delta', v['dp-delta']!),
          clip: numberOf('dp-clip', v['dp-clip']!),
        };
  if (privacy && family !== 'logreg-l2')
    throw new UsageError('--dp-epsilon, --dp-delta and --dp-clip are for --model logreg-l2.');
  if (
    privacy &&
    !(privacy.epsilon > 0 && privacy.delta > 0 && privacy.delta < 1 && privacy.clip > 0)
  )
    throw new UsageError(
      '--dp-epsilon and --dp-clip must be above 0, and --dp-delta between 0 and 1.',
    );
  return {
    centers,
    family,
    rounds: v.rounds === undefined ? DEFAULT_ROUNDS[family] : wholeNumber('rounds', v.rounds, 1),
    localSteps:
      v['local-steps'] === undefined ? 1 : wholeNumber('local-steps', v['local-steps'], 1),
    C,
    trees: v.trees === undefined ? 100 : wholeNumber('trees', v.trees, 1),
    holdout,
    seed: v.seed === undefined ? 0 : wholeNumber('seed', v.seed, 0),
    ...(privacy ? { privacy } : {}),
    ...(v.out ? { out: v.out } : {}),
    json: Boolean(v.json),
  };
}

interface Center {
  readonly dir: string;
  readonly data: CenterData;
  readonly held: { x: CenterData['x']; y: CenterData['y'] } | null;
  readonly keys: KeyPairHandle;
}

function split(study: TrainingStudy, name: string, fraction: number, seed: number) {
  if (fraction === 0) return { data: { name, x: study.x, y: study.y }, held: null };
  const folds = Math.round(1 / fraction);
  const fold = stratifiedKFolds(study.y, folds, 1, seed)[0];
  return {
    data: { name, x: takeRows(study.x, fold.train), y: takeLabels(study.y, fold.train) },
    held: { x: takeRows(study.x, fold.test), y: takeLabels(study.y, fold.test) },
  };
}

async function loadCenters(args: FederateArgs) {
  const studies = await Promise.all(
    args.centers.map(async (dir) => parseStudyCsv(await readFile(join(dir, 'study.csv'), 'utf8'))),
  );
  const features = studies[0].features.map((f) => f.name);
  const labels = studies[0].labels;
  studies.forEach((s, k) => {
    const names = s.features.map((f) => f.name);
    if (names.join('\n') !== features.join('\n'))
      throw new ProblemError(
        'federation-features',
        `Center folder "${args.centers[k]}" has other feature columns than "${args.centers[0]}"; every center must send the same features in the same order.`,
        { center: args.centers[k] },
      );
    if (s.labels.join('\n') !== labels.join('\n'))
      throw new ProblemError(
        'federation-labels',
        `Center folder "${args.centers[k]}" has labels ${s.labels.join(', ')}, not ${labels.join(', ')}.`,
        { center: args.centers[k] },
      );
  });
  const centers: Center[] = [];
  for (const [k, dir] of args.centers.entries()) {
    const name = studies[k].centerNames.length === 1 ? studies[k].centerNames[0] : basename(dir);
    const { data, held } = split(studies[k], name, args.holdout, args.seed + k);
    await mkdir(join(dir, 'federation'), { recursive: true });
    centers.push({ dir, data, held, keys: await generateSigningKeys() });
  }
  return { centers, features, labels, studies };
}

async function run(args: FederateArgs) {
  const { centers, features, labels } = await loadCenters(args);
  const coordinator = await generateSigningKeys();
  const trusted = new Set(
    await Promise.all(
      [coordinator, ...centers.map((c) => c.keys)].map((k) => keyFingerprint(k.publicKey)),
    ),
  );
  const s: FederationSettings = {
    federation: `simulated-${Date.now().toString(36)}`,
    family: args.family,
    features,
    C: args.C,
    localSteps: args.localSteps,
    trees: args.trees,
    seed: args.seed,
    rounds: args.rounds,
    ...(args.privacy ? { privacy: args.privacy } : {}),
  };
  const expect = (round: number) => ({
    federation: s.federation,
    round,
    family: s.family,
    trusted,
  });
  // A center's update goes into its folder; the coordinator reads it back and verifies it.
  const send = async (c: Center, u: ModelUpdate) => {
    const file = join(c.dir, 'federation', 'center-update.json');
    await writeFile(file, JSON.stringify(await signUpdate(u, c.keys.privateKey, c.keys.publicKey)));
    return readUpdate(await readFile(file, 'utf8'), expect(u.round), file);
  };
  const broadcast = async (u: ModelUpdate) => {
    const signed = JSON.stringify(
      await signUpdate(u, coordinator.privateKey, coordinator.publicKey),
    );
    const received = [];
    for (const c of centers) {
      const file = join(c.dir, 'federation', 'coordinator-update.json');
      await writeFile(file, signed);
      received.push(await readUpdate(await readFile(file, 'utf8'), expect(u.round), file));
    }
    return received[0];
  };
  const total = centers.reduce((t, c) => t + c.data.x.rows, 0);
  let final: ModelUpdate;
  const started = performance.now();
  if (s.family === 'forest') {
    const updates = await Promise.all(
      centers.map((c, k) => send(c, centerForest(s, c.data, total, k))),
    );
    final = await broadcast(coordinatorForest(s, updates));
  } else {
    const stats = await Promise.all(centers.map((c) => send(c, centerStats(s, c.data))));
    const scaler = coordinatorStart(s, stats);
    const curvature = await Promise.all(
      centers.map((c) => send(c, centerCurvature(s, c.data, scaler))),
    );
    let global = await broadcast(coordinatorStart(s, curvature));
    for (let r = 1; r <= args.rounds; r++) {
      const updates = await Promise.all(
        centers.map((c) => send(c, centerRound(s, c.data, global))),
      );
      global = await broadcast(coordinatorAverage(s, global, updates));
      if (r % 50 === 0 || r === args.rounds)
        process.stderr.write(
          `consilium federate: round ${r}/${args.rounds}, ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
    }
    // A linear SVM's probabilities: Platt's sigmoid, fitted by Newton steps on summed sums.
    if (s.family === 'svm-linear')
      for (let k = 0; k < PLATT_ROUNDS; k++) {
        const sums = await Promise.all(centers.map((c) => send(c, centerPlatt(s, c.data, global))));
        global = await broadcast(coordinatorPlatt(s, global, sums));
      }
    final = global;
  }
  const model = federatedPipeline(s, final);
  const validation = centers
    .filter((c) => c.held)
    .map((c) => ({
      center: c.data.name,
      metrics: binaryMetrics(pipelineProbability(model, c.held!.x), c.held!.y),
    }));
  let bytes: Uint8Array | null = null;
  if (args.out) {
    bytes = exportPipelineOnnx(model, {
      name: s.federation,
      featureNames: features,
      producerVersion: SOFTWARE.version,
    });
    await writeFile(args.out, bytes);
  }
  const heldCases = validation.reduce((t, v) => t + v.metrics.cases, 0);
  const meanAuc = heldCases
    ? validation.reduce((t, v) => t + (v.metrics.auc ?? NaN) * v.metrics.cases, 0) / heldCases
    : null;
  return {
    federation: s.federation,
    family: s.family,
    rounds: s.family === 'forest' ? 1 : args.rounds,
    labels,
    ...(args.privacy
      ? { privacy: { ...args.privacy, sigma: noiseSigma(args.privacy), perRound: true } }
      : {}),
    centers: centers.map((c) => ({
      center: c.data.name,
      cases: c.data.x.rows,
      heldOut: c.held?.y.length ?? 0,
    })),
    ...(args.out && bytes ? { model: args.out, sha256: await sha256Hex(bytes) } : {}),
    ...(s.family === 'logreg-l2'
      ? { weights: final.linear!.weights, intercept: final.linear!.intercept }
      : s.family === 'svm-linear'
        ? {
            weights: final.linear!.weights,
            intercept: final.linear!.intercept,
            sigmoid: final.sigmoid,
          }
        : { trees: final.trees!.length }),
    validation: validation.length ? { caseWeightedAuc: meanAuc, perCenter: validation } : null,
  };
}

const f3 = (v: number | null) => (v === null || Number.isNaN(v) ? '—' : v.toFixed(3));
const line = (m: BinaryMetrics) =>
  `AUC ${f3(m.auc)}${m.aucCi ? ` (95% CI ${f3(m.aucCi[0])}–${f3(m.aucCi[1])})` : ''}, accuracy ${f3(m.accuracy)}, Brier ${f3(m.brier)} (${m.cases} held-out cases)`;

export async function federateCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseFederateArgs);
  if ('exit' in args) return args.exit;
  try {
    const r = await run(args);
    if (args.json) writeRecord(ok(r));
    else {
      const out = [
        `Federation ${r.federation}: ${r.family}, ${r.rounds} round(s), centers ${r.centers.map((c) => `${c.center} (${c.cases} cases)`).join(', ')}`,
        ...(r.privacy
          ? [
              `Differential privacy per round: ε ${r.privacy.epsilon}, δ ${r.privacy.delta}, updates clipped to ${r.privacy.clip}, noise σ ${r.privacy.sigma.toPrecision(3)} (over ${r.rounds} rounds at most ε ${r.privacy.epsilon * r.rounds}, δ ${r.privacy.delta * r.rounds})`,
            ]
          : []),
        ...(r.validation
          ? r.validation.perCenter.map((v) => `  ${v.center}: ${line(v.metrics)}`)
          : []),
        ...(r.validation
          ? [`Held-out AUC, case-weighted over centers: ${f3(r.validation.caseWeightedAuc)}`]
          : []),
        r.model ? `Wrote ${r.model}` : 'No --out: the model was not written.',
      ];
      process.stdout.write(out.join('\n') + '\n');
    }
    return 0;
  } catch (e) {
    const problem = problemOf(e, 'FEDERATE_FAILED');
    if (args.json) writeRecord({ ok: false, error: problem });
    else process.stderr.write(`consilium federate: ${problem.code}: ${problem.reason}\n`);
    return 1;
  }
}

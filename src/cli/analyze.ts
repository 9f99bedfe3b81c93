// `consilium analyze`: DICOM series in, a de-identified, verifiable result bundle out. Whole-image
// IBSI features and the classifier's series prediction per series; identifiers leave only as
// HMAC pseudonyms under the collaboration key.
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { computeFeatures } from '../core/analysis/computeFeatures.ts';
import { defaultParams, type FeatureParams } from '../core/analysis/params.ts';
import { rasteriseShape } from '../core/analysis/roi/rasterise.ts';
import { volumeFromFrames } from '../core/analysis/volumeFromFrames.ts';
import { featureResultFromAnalysis } from '../core/bundle/fromAnalysis.ts';
import {
  exportPublicKeyPem,
  generateSigningKeys,
  importPrivateKeyJwk,
  importPublicKeyJwk,
} from '../core/crypto/keys.ts';
import type { FeatureResult } from '../core/bundle/types.ts';
import { writeBundle } from '../core/bundle/writeBundle.ts';
import { subtle, type JsonWebKey, type KeyPairHandle } from '../core/crypto/subtle.ts';
import { importCollaborationKey } from '../core/crypto/hmac.ts';
import type { PredictionResult } from '../core/bundle/types.ts';
import type { Classifier } from '../core/inference/classifier.ts';
import { loadSeries } from './analysisInput.ts';
import { predictSeries } from './analyzePredictions.ts';
import { loadClassifier } from './inferModel.ts';

const usage = `Usage: consilium analyze <files|dirs…> --out bundle.zip [--center NAME]
  [--collab-key K | --key-file K]  (shared by the centers; without it a one-off key is used)
  [--model m.onnx [--card c.json] | --no-model]  (default: the shipped pneumonia-cnn)
  [--bin-count N | --bin-width W] [--labels labels.csv (patientId,label)]
  [--sign center.jwk | --sign-key center.jwk]  (created with its .pub.pem if missing)
  [--passphrase-file F]
`;

interface AnalyzeArgs {
  paths: string[];
  center?: string;
  keyFile?: string;
  out?: string;
  params: FeatureParams;
  labels?: string;
  signKey?: string;
  passphraseFile?: string;
  model?: string;
  card?: string;
  noModel: boolean;
}

function parseArgs(argv: string[]): AnalyzeArgs | undefined {
  const args: AnalyzeArgs = { paths: [], params: { ...defaultParams }, noModel: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = argv[i + 1];
    const takes = a.startsWith('--') && value !== undefined;
    if (a === '--center' && takes) args.center = argv[++i];
    else if ((a === '--key-file' || a === '--collab-key') && takes) args.keyFile = argv[++i];
    else if (a === '--model' && takes) args.model = argv[++i];
    else if (a === '--card' && takes) args.card = argv[++i];
    else if (a === '--no-model') args.noModel = true;
    else if (a === '--out' && takes) args.out = argv[++i];
    else if (a === '--labels' && takes) args.labels = argv[++i];
    else if ((a === '--sign-key' || a === '--sign') && takes) args.signKey = argv[++i];
    else if (a === '--passphrase-file' && takes) args.passphraseFile = argv[++i];
    else if (a === '--bin-count' && takes)
      args.params.discretisation = { kind: 'bin-count', binCount: Number(argv[++i]) };
    else if (a === '--bin-width' && takes)
      args.params.discretisation = {
        kind: 'bin-width',
        binWidth: Number(argv[++i]),
      } as FeatureParams['discretisation'];
    else if (!a.startsWith('-')) args.paths.push(a);
    else return undefined;
  }
  return args.paths.length && args.out ? args : undefined;
}

async function readLabels(path: string | undefined): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  if (!path) return labels;
  for (const line of (await readFile(path, 'utf8')).split(/\r?\n/).slice(1)) {
    const [patientId, label] = line.split(',').map((s) => s.trim());
    if (patientId && label) labels.set(patientId, label);
  }
  return labels;
}

/** The center's signing key: a private JWK file, created (with a .pub.pem beside it) when missing. */
async function signingKeys(path: string): Promise<KeyPairHandle> {
  if (!existsSync(path)) {
    const fresh = await generateSigningKeys();
    await writeFile(
      path,
      JSON.stringify(await subtle().exportKey('jwk', fresh.privateKey)) + '\n',
      { mode: 0o600 },
    );
    await chmod(path, 0o600);
    await writeFile(`${path}.pub.pem`, await exportPublicKeyPem(fresh.publicKey));
    process.stderr.write(`Created signing key ${path}; give partners ${path}.pub.pem.\n`);
  }
  const jwk = JSON.parse(await readFile(path, 'utf8')) as JsonWebKey;
  return { privateKey: await importPrivateKeyJwk(jwk), publicKey: await importPublicKeyJwk(jwk) };
}

/** The shared collaboration key; without one, a random key that no partner can match. */
async function collaborationKey(path: string | undefined) {
  if (path) return importCollaborationKey((await readFile(path, 'utf8')).trim());
  process.stderr.write(
    'No --collab-key: using a one-off key, so partners cannot match these cases with theirs.\n',
  );
  const random = crypto.getRandomValues(new Uint8Array(32));
  return importCollaborationKey(random);
}

export async function analyzeCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(usage);
    return 2;
  }
  const key = await collaborationKey(args.keyFile);
  let classifier: Classifier | undefined;
  if (!args.noModel) {
    try {
      classifier = await loadClassifier(args.model, args.card);
    } catch (e) {
      const err = e as { code?: string; reason?: string };
      process.stderr.write(
        `model not loaded: ${err.code ?? 'model-failed'}: ${err.reason ?? String(e)}\n`,
      );
      return 1;
    }
  }
  const predictions: PredictionResult[] = [];
  let notPredicted = 0;
  const labels = await readLabels(args.labels);
  const { series, errors } = await loadSeries(args.paths);
  for (const e of errors) process.stderr.write(`skipped ${e.file}: ${e.code}: ${e.reason}\n`);
  const results: FeatureResult[] = [];
  let failures = 0;
  for (const s of series) {
    const volume = volumeFromFrames(s.metas, s.frames);
    const [nx, ny, nz] = volume.dims;
    const slice = rasteriseShape({ kind: 'whole' }, nx, ny);
    const mask = new Uint8Array(slice.length * nz);
    for (let z = 0; z < nz; z++) mask.set(slice, z * slice.length);
    const meta = s.metas[0];
    try {
      const set = computeFeatures({ ...volume, mask }, args.params);
      const source = {
        patientId: meta.patientID,
        studyInstanceUid: meta.studyInstanceUID,
        seriesInstanceUid: s.seriesInstanceUID,
      };
      results.push(
        await featureResultFromAnalysis(
          key,
          source,
          { name: 'whole-image', description: { kind: 'whole' } },
          set,
          labels.get(meta.patientID),
        ),
      );
    } catch (e) {
      const err = e as { code?: string; reason?: string };
      process.stderr.write(
        `analysis failed for series of ${meta.file}: ${err.code ?? 'analysis-failed'}: ${err.reason ?? String(e)}\n`,
      );
      failures++;
    }
    if (classifier) {
      const p = await predictSeries(classifier, key, s, labels.get(meta.patientID));
      if (p.ok) predictions.push(p.result);
      else {
        // A model meant for other images (e.g. chest radiographs, not CT) is not a failure.
        process.stderr.write(`no prediction for series of ${meta.file}: ${p.code}: ${p.reason}\n`);
        notPredicted++;
      }
    }
  }
  await classifier?.release();
  const passphrase = args.passphraseFile
    ? (await readFile(args.passphraseFile, 'utf8')).replace(/\r?\n$/, '')
    : undefined;
  const bundle = await writeBundle({
    center: args.center ?? 'unnamed center',
    software: { name: 'consilium', version: '0.1.0' },
    results: { features: results, predictions, edges: [] },
    ...(args.signKey ? { signWith: await signingKeys(args.signKey) } : {}),
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
  await writeFile(args.out!, bundle);
  process.stdout.write(
    `Wrote ${args.out}: ${results.length} series analysed, ${predictions.length} predicted` +
      (classifier ? ` (${notPredicted} outside the model's scope)` : '') +
      `, ${errors.length} files skipped, ${failures} analyses failed.\n`,
  );
  return results.length > 0 && failures === 0 ? 0 : 1;
}

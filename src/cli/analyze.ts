// `consilium analyze`: DICOM series in, a de-identified, verifiable result bundle out. Whole-image
// IBSI features per series; identifiers leave only as HMAC pseudonyms under the collaboration key.
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
} from '../core/bundle/keys.ts';
import type { FeatureResult } from '../core/bundle/types.ts';
import { writeBundle } from '../core/bundle/writeBundle.ts';
import { subtle, type JsonWebKey, type KeyPairHandle } from '../core/bundle/subtle.ts';
import { importCollaborationKey } from '../core/deid/hmac.ts';
import { loadSeries } from './analysisInput.ts';

const usage = `Usage: consilium analyze <files|dirs…> --center NAME --key-file K --out bundle.zip
  [--bin-count N | --bin-width W] [--labels labels.csv (patientId,label)]
  [--sign-key center.jwk (created with its .pub.pem if missing)] [--passphrase-file F]
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
}

function parseArgs(argv: string[]): AnalyzeArgs | undefined {
  const args: AnalyzeArgs = { paths: [], params: { ...defaultParams } };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = argv[i + 1];
    const takes = a.startsWith('--') && value !== undefined;
    if (a === '--center' && takes) args.center = argv[++i];
    else if (a === '--key-file' && takes) args.keyFile = argv[++i];
    else if (a === '--out' && takes) args.out = argv[++i];
    else if (a === '--labels' && takes) args.labels = argv[++i];
    else if (a === '--sign-key' && takes) args.signKey = argv[++i];
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
  return args.paths.length && args.center && args.keyFile && args.out ? args : undefined;
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

export async function analyzeCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(usage);
    return 2;
  }
  const key = await importCollaborationKey((await readFile(args.keyFile!, 'utf8')).trim());
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
  }
  const passphrase = args.passphraseFile
    ? (await readFile(args.passphraseFile, 'utf8')).replace(/\r?\n$/, '')
    : undefined;
  const bundle = await writeBundle({
    center: args.center!,
    software: { name: 'consilium', version: '0.1.0' },
    results: { features: results, predictions: [], edges: [] },
    ...(args.signKey ? { signWith: await signingKeys(args.signKey) } : {}),
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
  await writeFile(args.out!, bundle);
  process.stdout.write(
    `Wrote ${args.out}: ${results.length} series analysed, ${errors.length} files skipped, ${failures} analyses failed.\n`,
  );
  return results.length > 0 && failures === 0 ? 0 : 1;
}

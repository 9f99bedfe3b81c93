// `consilium infer`: classifies DICOM images with an ONNX model and its card; one line per image.
// A file that cannot be read, decoded or preprocessed gets an error line; the rest still run.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeFrame } from '../core/dicom/decode.ts';
import { asLoadError } from '../core/dicom/loadError.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import type { Classifier } from '../core/inference/classifier.ts';
import { toInferenceError } from '../core/inference/errors.ts';
import { isImageCard } from '../core/inference/modelCard.ts';
import { preprocessFrame } from '../core/inference/preprocess.ts';
import { loadClassifier } from './inferModel.ts';

const usage =
  'Usage: consilium infer <files|dirs…> [--model m.onnx [--card m.card.json]] [--batch N] [--json]\n';

type Line =
  | {
      path: string;
      ok: true;
      sopInstanceUID: string;
      probabilities: Record<string, number>;
      predictedLabel: string;
      model: { name: string; version: string; sha256: string };
      latencyMs: number;
    }
  | { path: string; ok: false; code: string; reason: string };

interface Args {
  paths: string[];
  model?: string;
  card?: string;
  batch: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args | null {
  const args: Args = { paths: [], batch: 32, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--model' && argv[i + 1]) args.model = argv[++i];
    else if (a === '--card' && argv[i + 1]) args.card = argv[++i];
    else if (a === '--batch' && Number(argv[i + 1]) >= 1) args.batch = Number(argv[++i]);
    else if (a.startsWith('-')) return null;
    else args.paths.push(a);
  }
  return args.paths.length > 0 ? args : null;
}

async function expand(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).sort();
  return (await Promise.all(names.map((n) => expand(join(path, n))))).flat();
}

/** Reads, decodes (first frame) and preprocesses one file into the model's input. */
async function prepare(
  file: string,
  classifier: Classifier,
): Promise<{ sopInstanceUID: string; input: Float32Array } | Line> {
  const card = classifier.card;
  if (!isImageCard(card)) {
    return {
      path: file,
      ok: false,
      code: 'image-unsupported',
      reason: 'the model takes features, not images',
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    return {
      path: file,
      ok: false,
      code: 'read-failed',
      reason: `cannot read the file (${String(err)})`,
    };
  }
  const parsed = parseInstance(bytes, file);
  if (!parsed.ok)
    return { path: file, ok: false, code: parsed.error.code, reason: parsed.error.reason };
  const { meta } = parsed;
  let frame;
  try {
    frame = await decodeFrame(bytes, meta, 0);
  } catch (err) {
    const e = asLoadError(err, file);
    return { path: file, ok: false, code: e.code, reason: e.reason };
  }
  try {
    const input = preprocessFrame(frame, card.preprocessing, card.input, {
      file,
      modality: meta.modality,
      photometricInterpretation: meta.photometricInterpretation,
      windows: meta.windows,
    });
    return { sopInstanceUID: meta.sopInstanceUID, input };
  } catch (err) {
    const e = toInferenceError(err, file, 'image-unsupported');
    return { path: file, ok: false, code: e.code, reason: e.reason };
  }
}

function text(line: Line): string {
  if (!line.ok) return `${line.path}\tERROR ${line.code}: ${line.reason}`;
  const probs = Object.entries(line.probabilities)
    .map(([label, p]) => `${label} ${p.toFixed(4)}`)
    .join(', ');
  return `${line.path}\t${line.predictedLabel}\t${probs}`;
}

export async function inferCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(usage);
    return 2;
  }
  let classifier: Classifier;
  try {
    classifier = await loadClassifier(args.model, args.card, args.batch);
  } catch (err) {
    const e = toInferenceError(err, args.model ?? 'default model', 'model-unreadable');
    const line: Line = { path: e.file, ok: false, code: e.code, reason: e.reason };
    process.stdout.write((args.json ? JSON.stringify(line) : text(line)) + '\n');
    return 1;
  }
  const { card, sha256 } = classifier;
  const model = { name: card.name, version: card.version, sha256 };
  const print = (line: Line) =>
    process.stdout.write((args.json ? JSON.stringify(line) : text(line)) + '\n');

  const files: string[] = [];
  for (const path of args.paths) {
    try {
      files.push(...(await expand(path)));
    } catch {
      print({ path, ok: false, code: 'read-failed', reason: 'no such file or folder' });
    }
  }
  // Files go through the model a batch at a time; lines come out in the order of the files.
  for (let start = 0; start < files.length; start += args.batch) {
    const chunk = files.slice(start, start + args.batch);
    const prepared = await Promise.all(chunk.map((f) => prepare(f, classifier)));
    const ready = prepared.flatMap((p, i) => ('input' in p ? [{ i, ...p }] : []));
    let predictions: Awaited<ReturnType<Classifier['predict']>> | null = null;
    let failure: Line | null = null;
    if (ready.length > 0) {
      try {
        predictions = await classifier.predict(ready.map((r) => r.input));
      } catch (err) {
        const e = toInferenceError(err, args.model ?? card.model.file);
        failure = { path: e.file, ok: false, code: e.code, reason: e.reason };
      }
    }
    prepared.forEach((p, i) => {
      if (!('input' in p)) return print(p);
      if (!predictions) return print({ ...(failure as Line), path: chunk[i] });
      const k = ready.findIndex((r) => r.i === i);
      print({
        path: chunk[i],
        ok: true,
        sopInstanceUID: p.sopInstanceUID,
        ...predictions.predictions[k],
        model,
        latencyMs: Number((predictions.latencyMs / ready.length).toFixed(3)),
      });
    });
  }
  await classifier.release();
  return 0;
}

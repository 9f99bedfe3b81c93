// `consilium infer`: classifies DICOM images with an ONNX model and its card; one line per image.
// A file that cannot be read, decoded or preprocessed gets an error line; the rest still run.
import { decodeFrame } from '../core/dicom/decode.ts';
import { asLoadError } from '../core/dicom/loadError.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import type { Classifier } from '../core/inference/classifier.ts';
import { toInferenceError } from '../core/inference/errors.ts';
import { isImageCard } from '../core/inference/modelCard.ts';
import { preprocessFrame } from '../core/inference/preprocess.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { parseCommand, parseOrUsage, UsageError, wholeNumber } from './io/commandArgs.ts';
import { problemAbout, problemLine, writeRecord } from './io/records.ts';
import { walkInputs, type InputFile } from './io/walkInputs.ts';
import { loadClassifier } from './inferModel.ts';

const usage =
  'Usage: consilium infer <files|dirs|zips…> [--model m.onnx [--card m.card.json]] [--batch N] [--json]\n';

interface Prediction {
  file: string;
  sopInstanceUID: string;
  probabilities: Record<string, number>;
  predictedLabel: string;
  model: { name: string; version: string; sha256: string };
  latencyMs: number;
}

type Line = Result<Prediction>;

interface InferArgs {
  paths: string[];
  model?: string;
  card?: string;
  batch: number;
  json: boolean;
}

const options = {
  model: { type: 'string' },
  card: { type: 'string' },
  batch: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function parseInferArgs(argv: readonly string[]): InferArgs {
  const { values, positionals } = parseCommand(argv, options);
  if (positionals.length === 0) throw new UsageError('Give at least one DICOM file or folder.');
  return {
    paths: positionals,
    model: values.model,
    card: values.card,
    batch: values.batch === undefined ? 32 : wholeNumber('batch', values.batch, 1, 'images'),
    json: values.json ?? false,
  };
}

interface Ready {
  file: string;
  sopInstanceUID: string;
  input: Float32Array;
}

/** Decodes (first frame) and preprocesses one file into the model's input. */
async function prepare({ file, bytes }: InputFile, classifier: Classifier): Promise<Ready | Line> {
  const card = classifier.card;
  if (!isImageCard(card))
    return fail('image-unsupported', 'the model takes features, not images', { file });
  const parsed = parseInstance(bytes, file);
  if (!parsed.ok) return { ok: false, error: problemAbout(parsed.error, 'not-dicom', file) };
  const { meta } = parsed;
  let frame;
  try {
    frame = await decodeFrame(bytes, meta, 0);
  } catch (err) {
    return { ok: false, error: problemAbout(asLoadError(err, file), 'decode-failed', file) };
  }
  try {
    const input = preprocessFrame(frame, card.preprocessing, card.input, {
      file,
      modality: meta.modality,
      photometricInterpretation: meta.photometricInterpretation,
      windows: meta.windows,
    });
    return { file, sopInstanceUID: meta.sopInstanceUID, input };
  } catch (err) {
    const e = toInferenceError(err, file, 'image-unsupported');
    return { ok: false, error: problemAbout(e, e.code, file) };
  }
}

function text(line: Line): string {
  if (!line.ok) return problemLine(line.error);
  const { value } = line;
  const probs = Object.entries(value.probabilities)
    .map(([label, p]) => `${label} ${p.toFixed(4)}`)
    .join(', ');
  return `${value.file}\t${value.predictedLabel}\t${probs}`;
}

export async function inferCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseInferArgs);
  if ('exit' in args) return args.exit;
  const print = (line: Line) =>
    args.json ? writeRecord(line) : process.stdout.write(text(line) + '\n');
  let classifier: Classifier;
  try {
    classifier = await loadClassifier(args.model, args.card, args.batch);
  } catch (err) {
    const e = toInferenceError(err, args.model ?? 'default model', 'model-unreadable');
    print({ ok: false, error: problemAbout(e, e.code, e.file) });
    return 1;
  }
  const { card, sha256 } = classifier;
  const model = { name: card.name, version: card.version, sha256 };

  // Inputs are prepared as they are read; once a batch is ready it goes through the model, and
  // every line up to there prints, in the order of the files.
  let pending: (Ready | Line)[] = [];
  let ready = 0;
  const flush = async () => {
    const batch = pending.filter((p): p is Ready => 'input' in p);
    let outcome: Result<Awaited<ReturnType<Classifier['predict']>>> = fail('inference-failed', '');
    if (batch.length > 0) {
      try {
        outcome = ok(await classifier.predict(batch.map((r) => r.input)));
      } catch (err) {
        // The model failed the whole batch: each of its images gets the error, naming the model.
        const e = toInferenceError(err, args.model ?? card.model.file);
        outcome = fail(e.code, e.reason, { model: e.file });
      }
    }
    for (const p of pending) {
      if (!('input' in p)) print(p);
      else if (!outcome.ok)
        print({
          ok: false,
          error: { ...outcome.error, params: { ...outcome.error.params, file: p.file } },
        });
      else {
        const predictions = outcome.value;
        print(
          ok({
            file: p.file,
            sopInstanceUID: p.sopInstanceUID,
            ...predictions.predictions[batch.indexOf(p)],
            model,
            latencyMs: Number((predictions.latencyMs / batch.length).toFixed(3)),
          }),
        );
      }
    }
    pending = [];
    ready = 0;
  };
  for await (const input of walkInputs(args.paths)) {
    const p = input.ok ? await prepare(input.value, classifier) : input;
    pending.push(p);
    if ('input' in p && ++ready >= args.batch) await flush();
  }
  await flush();
  await classifier.release();
  return 0;
}

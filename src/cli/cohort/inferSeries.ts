// `consilium infer` over one series, where it runs (in process, in a worker thread of `--jobs N`,
// or in a `consilium worker`): each image decoded (first frame), preprocessed, and classified in
// batches; one line per image, in the order the walk met the files.
import { decodeFrame } from '../../core/dicom/decode.ts';
import { asLoadError } from '../../core/dicom/loadError.ts';
import { parseInstance } from '../../core/dicom/parse.ts';
import type { Classifier } from '../../core/inference/classifier.ts';
import { toInferenceError } from '../../core/inference/errors.ts';
import { isImageCard } from '../../core/inference/modelCard.ts';
import { preprocessFrame } from '../../core/inference/preprocess.ts';
import { fail, ok, problemOf, type Result } from '../../core/result.ts';
import { loadClassifier } from '../inferModel.ts';
import { problemAbout } from '../io/records.ts';
import { loadSeriesFiles, type SeriesRef } from '../io/seriesIndex.ts';
import type { InputFile } from '../io/walkInputs.ts';

export interface Prediction {
  file: string;
  sopInstanceUID: string;
  probabilities: Record<string, number>;
  predictedLabel: string;
  model: { name: string; version: string; sha256: string };
  latencyMs: number;
}

export type InferLine = Result<Prediction>;

/** What decides infer's lines: the model, its card and the batch size. */
export interface InferSettings {
  readonly model?: string;
  readonly card?: string;
  readonly batch: number;
}

interface Ready {
  file: string;
  sopInstanceUID: string;
  input: Float32Array;
}

// Loaded once per thread: every series a thread classifies uses the same session.
const classifiers = new Map<string, Promise<Classifier>>();

export function inferClassifier(s: InferSettings, threads?: number): Promise<Classifier> {
  const id = JSON.stringify([s.model ?? '', s.card ?? '', s.batch, threads ?? 0]);
  let c = classifiers.get(id);
  if (!c) {
    c = loadClassifier(s.model, s.card, s.batch, threads);
    classifiers.set(id, c);
  }
  return c;
}

/** Decodes (first frame) and preprocesses one file into the model's input. */
export async function prepare(
  { file, bytes }: InputFile,
  classifier: Classifier,
): Promise<Ready | InferLine> {
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

/** The lines of `pending` (prepared images and error lines, in order), the images classified. */
export async function classify(
  pending: readonly (Ready | InferLine)[],
  classifier: Classifier,
  modelName: string,
): Promise<InferLine[]> {
  const { card, sha256 } = classifier;
  const model = { name: card.name, version: card.version, sha256 };
  const batch = pending.filter((p): p is Ready => 'input' in p);
  let outcome: Result<Awaited<ReturnType<Classifier['predict']>>> = fail('inference-failed', '');
  if (batch.length > 0) {
    try {
      outcome = ok(await classifier.predict(batch.map((r) => r.input)));
    } catch (err) {
      // The model failed the whole batch: each of its images gets the error, naming the model.
      const e = toInferenceError(err, modelName);
      outcome = fail(e.code, e.reason, { model: e.file });
    }
  }
  return pending.map((p): InferLine => {
    if (!('input' in p)) return p;
    if (!outcome.ok)
      return {
        ok: false,
        error: { ...outcome.error, params: { ...outcome.error.params, file: p.file } },
      };
    const predictions = outcome.value;
    return ok({
      file: p.file,
      sopInstanceUID: p.sopInstanceUID,
      ...predictions.predictions[batch.indexOf(p)],
      model,
      latencyMs: Number((predictions.latencyMs / batch.length).toFixed(3)),
    });
  });
}

export async function inferSeries(
  settings: InferSettings,
  ref: SeriesRef,
  threads?: number,
): Promise<InferLine[]> {
  const classifier = await inferClassifier(settings, threads);
  const modelName = settings.model ?? classifier.card.model.file;
  let inputs: InputFile[];
  try {
    inputs = await loadSeriesFiles(ref);
  } catch (e) {
    return [
      { ok: false, error: problemOf(e, 'read-failed', { file: ref.files[0]?.file ?? ref.uid }) },
    ];
  }
  const lines: InferLine[] = [];
  let pending: (Ready | InferLine)[] = [];
  let ready = 0;
  for (let input = inputs.shift(); input; input = inputs.shift()) {
    const p = await prepare(input, classifier);
    pending.push(p);
    if ('input' in p && ++ready >= settings.batch) {
      lines.push(...(await classify(pending, classifier, modelName)));
      pending = [];
      ready = 0;
    }
  }
  if (pending.length > 0) lines.push(...(await classify(pending, classifier, modelName)));
  return lines;
}

// Model card loading: schema validation, consistency checks, and checks of a card against the
// ONNX model it describes (sha256, tensor names, shapes, dtypes). Every failure names its cause.
import { validate } from './cardSchema.validate.js';
import { InferenceFailure } from './errors.ts';
import type { ModelCard } from './modelCard.ts';
import type { OrtSession, OrtValueMetadata } from './ort.ts';

/** Validates parsed JSON as a model card; throws InferenceFailure('card-invalid') listing why. */
export function parseCard(json: unknown, file: string): ModelCard {
  if (!validate(json)) {
    const reasons = (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(card)'} ${e.message ?? e.keyword}`,
    );
    throw new InferenceFailure(
      'card-invalid',
      file,
      `not a valid model card: ${reasons.join('; ')}`,
    );
  }
  const card = json as ModelCard;
  const problems = consistencyProblems(card);
  if (problems.length > 0) {
    throw new InferenceFailure(
      'card-invalid',
      file,
      `inconsistent model card: ${problems.join('; ')}`,
    );
  }
  return card;
}

/** Facts the schema cannot express: parts of the card that must agree with each other. */
function consistencyProblems(card: ModelCard): string[] {
  const problems: string[] = [];
  const { input, preprocessing: pre, output } = card;
  if (input.kind === 'image' && pre) {
    const [, channels, height, width] = input.shape;
    if (pre.resize.height !== height || pre.resize.width !== width) {
      problems.push(
        `resize ${pre.resize.width}x${pre.resize.height} differs from input ${width}x${height}`,
      );
    }
    for (const key of ['mean', 'std'] as const) {
      const n = pre.normalize[key].length;
      if (n !== 1 && n !== channels)
        problems.push(`normalize.${key} has ${n} values for ${channels} channel(s)`);
    }
    if (pre.channels === 'luma' && channels !== 1)
      problems.push('channels "luma" needs a 1-channel input');
    if (
      pre.intensity.method === 'percentile' &&
      pre.intensity.lowPercent >= pre.intensity.highPercent
    ) {
      problems.push('percentile lowPercent must be below highPercent');
    }
  }
  if (input.kind === 'features') {
    if (input.features.length !== input.shape[1]) {
      problems.push(
        `${input.features.length} features listed for an input of width ${input.shape[1]}`,
      );
    }
    const names = new Set(input.features.map((f) => f.name));
    if (names.size !== input.features.length) problems.push('feature names repeat');
  }
  if (output.positiveLabel !== undefined && !output.labels.includes(output.positiveLabel)) {
    problems.push(`positiveLabel "${output.positiveLabel}" is not one of the labels`);
  }
  return problems;
}

/** Lower-case hex SHA-256 of the bytes (WebCrypto: same in browsers, workers and Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Throws 'model-sha256-mismatch' when the bytes are not the model the card describes. */
export async function checkModelDigest(
  card: ModelCard,
  bytes: Uint8Array,
  file: string,
): Promise<string> {
  const actual = await sha256Hex(bytes);
  if (actual !== card.model.sha256) {
    throw new InferenceFailure(
      'model-sha256-mismatch',
      file,
      `the model's SHA-256 is ${actual} but card "${card.name}" expects ${card.model.sha256}; ` +
        'the card belongs to another model or the file changed',
    );
  }
  return actual;
}

/** Throws when the session's input/output names, shapes or dtypes disagree with the card. */
export function checkSessionAgainstCard(card: ModelCard, session: OrtSession, file: string): void {
  const { input, output } = card;
  if (!session.inputNames.includes(input.tensorName)) {
    throw new InferenceFailure(
      'model-input-mismatch',
      file,
      `the card's input "${input.tensorName}" is not an input of the model (it has ${list(session.inputNames)})`,
    );
  }
  if (!session.outputNames.includes(output.tensorName)) {
    throw new InferenceFailure(
      'model-output-mismatch',
      file,
      `the card's output "${output.tensorName}" is not an output of the model (it has ${list(session.outputNames)})`,
    );
  }
  const meta = findMeta(session.inputMetadata, input.tensorName);
  if (meta?.isTensor) {
    if (meta.type !== input.dtype) {
      throw new InferenceFailure(
        'model-input-mismatch',
        file,
        `input "${input.tensorName}" is ${meta.type} in the model but ${input.dtype} in the card`,
      );
    }
    if (!shapesAgree(meta.shape, input.shape)) {
      throw new InferenceFailure(
        'model-input-mismatch',
        file,
        `input "${input.tensorName}" has shape [${meta.shape.join(', ')}] in the model but [${input.shape.join(', ')}] in the card`,
      );
    }
  }
  const outMeta = findMeta(session.outputMetadata, output.tensorName);
  if (outMeta?.isTensor) {
    const width = outMeta.shape[outMeta.shape.length - 1];
    if (typeof width === 'number' && width !== output.labels.length) {
      throw new InferenceFailure(
        'model-output-mismatch',
        file,
        `output "${output.tensorName}" gives ${width} values per image but the card lists ${output.labels.length} labels`,
      );
    }
  }
}

function findMeta(metas: readonly OrtValueMetadata[] | undefined, name: string) {
  return metas?.find((m) => m.name === name);
}

/** A named (symbolic) dimension matches anything; fixed dimensions must be equal. */
function shapesAgree(
  model: ReadonlyArray<number | string>,
  card: ReadonlyArray<number | string>,
): boolean {
  if (model.length === 0) return true; // the model leaves the shape undeclared
  if (model.length !== card.length) return false;
  return model.every(
    (d, i) => typeof d !== 'number' || typeof card[i] !== 'number' || d === card[i],
  );
}

function list(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

// A classifier over an injected onnxruntime: loads and checks the model against its card, runs
// model-ready tensors in batches and returns probabilities per label with the predicted label.
import { type AbortSignalLike, throwIfAborted } from './abort.ts';
import { activate } from './activation.ts';
import { checkModelDigest, checkSessionAgainstCard } from './card.ts';
import { InferenceFailure } from './errors.ts';
import { nowMs } from './clock.ts';
import type { ModelCard } from './modelCard.ts';
import type { OrtLike, OrtSession, OrtSessionOptions } from './ort.ts';

export interface Prediction {
  probabilities: Record<string, number>;
  predictedLabel: string;
}

export interface ClassifierOptions {
  /** Where the model came from, for error messages. */
  file: string;
  session?: OrtSessionOptions;
  /** Images per session.run call. */
  batchSize?: number;
}

export interface Classifier {
  readonly card: ModelCard;
  readonly sha256: string;
  /** Values per input item (e.g. 1x28x28 = 784). */
  readonly itemSize: number;
  /** Probabilities (label order of the card) for each model-ready input. */
  probabilities(
    inputs: readonly Float32Array[],
    signal?: AbortSignalLike,
  ): Promise<{ probabilities: Float32Array[]; latencyMs: number }>;
  predict(
    inputs: readonly Float32Array[],
    signal?: AbortSignalLike,
  ): Promise<{ predictions: Prediction[]; latencyMs: number }>;
  /** One run on zeros, so the first real latency excludes the backend's lazy initialisation. */
  warmUp(): Promise<void>;
  release(): Promise<void>;
}

export async function createClassifier(
  ort: OrtLike,
  modelBytes: Uint8Array,
  card: ModelCard,
  options: ClassifierOptions,
): Promise<Classifier> {
  const { file } = options;
  let session: OrtSession;
  try {
    session = await ort.InferenceSession.create(modelBytes, options.session);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new InferenceFailure('model-unreadable', file, `not a readable ONNX model (${why})`);
  }
  try {
    const sha256 = await checkModelDigest(card, modelBytes, file);
    checkSessionAgainstCard(card, session, file);
    return new OrtClassifier(ort, session, card, sha256, options);
  } catch (err) {
    await session.release();
    throw err;
  }
}

class OrtClassifier implements Classifier {
  readonly itemSize: number;
  private readonly itemDims: number[];
  private readonly batchSize: number;

  constructor(
    private readonly ort: OrtLike,
    private readonly session: OrtSession,
    readonly card: ModelCard,
    readonly sha256: string,
    private readonly options: ClassifierOptions,
  ) {
    this.itemDims = card.input.shape.slice(1).map(Number);
    this.itemSize = this.itemDims.reduce((a, b) => a * b, 1);
    this.batchSize = Math.max(1, options.batchSize ?? 32);
  }

  async probabilities(inputs: readonly Float32Array[], signal?: AbortSignalLike) {
    const { file } = this.options;
    const { input, output } = this.card;
    const labels = output.labels.length;
    const probabilities: Float32Array[] = [];
    const t0 = nowMs();
    for (let b = 0; b < inputs.length; b += this.batchSize) {
      throwIfAborted(signal, file);
      const batch = inputs.slice(b, b + this.batchSize);
      const data = new Float32Array(batch.length * this.itemSize);
      batch.forEach((item, i) => {
        if (item.length !== this.itemSize) {
          throw new InferenceFailure(
            'inference-failed',
            file,
            `an input has ${item.length} values; the model takes ${this.itemSize}`,
          );
        }
        data.set(item, i * this.itemSize);
      });
      const tensor = new this.ort.Tensor('float32', data, [batch.length, ...this.itemDims]);
      let raw: Float32Array;
      try {
        const result = await this.session.run({ [input.tensorName]: tensor });
        raw = toFloat32(result[output.tensorName]?.data);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new InferenceFailure('inference-failed', file, `the model failed to run (${why})`);
      }
      if (raw.length !== batch.length * labels) {
        throw new InferenceFailure(
          'model-output-mismatch',
          file,
          `output "${output.tensorName}" gave ${raw.length} values for ${batch.length} inputs and ${labels} labels`,
        );
      }
      for (let i = 0; i < batch.length; i++) {
        probabilities.push(activate(raw.subarray(i * labels, (i + 1) * labels), output.activation));
      }
    }
    return { probabilities, latencyMs: nowMs() - t0 };
  }

  async predict(inputs: readonly Float32Array[], signal?: AbortSignalLike) {
    const { probabilities, latencyMs } = await this.probabilities(inputs, signal);
    const labels = this.card.output.labels;
    const predictions = probabilities.map((p) => {
      let best = 0;
      const byLabel: Record<string, number> = {};
      labels.forEach((label, i) => {
        byLabel[label] = p[i];
        if (p[i] > p[best]) best = i;
      });
      return { probabilities: byLabel, predictedLabel: labels[best] };
    });
    return { predictions, latencyMs };
  }

  async warmUp(): Promise<void> {
    await this.probabilities([new Float32Array(this.itemSize)]);
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

function toFloat32(data: unknown): Float32Array {
  if (data instanceof Float32Array) return data;
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    return Float32Array.from(data as unknown as ArrayLike<number>);
  }
  throw new Error('the output is not a numeric tensor');
}

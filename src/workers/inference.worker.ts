// Runs the ONNX classifier off the UI thread: load a model + card, classify decoded frames
// (preprocessed here, as the card says), occlusion saliency. Errors come back as plain data.
import * as Comlink from 'comlink';
import type { DecodedFrame } from '../core/dicom/types.ts';
import { parseCard } from '../core/inference/card.ts';
import {
  type Classifier,
  createClassifier,
  type Prediction,
} from '../core/inference/classifier.ts';
import { isImageCard, type ModelCard } from '../core/inference/modelCard.ts';
import { type FrameContext, preprocessFrame } from '../core/inference/preprocess.ts';
import { type OcclusionMap, occlusionMap } from '../core/inference/saliency.ts';
import { attempt, ok, type Result } from '../core/result.ts';
import { configureWasm, type ExecutionProvider, ortWeb, pickProvider } from './inferenceRuntime.ts';
import { RecentInputs } from './recentInputs.ts';

export interface LoadedModel {
  card: ModelCard;
  sha256: string;
  executionProvider: ExecutionProvider;
  threads: number;
}

let current: { classifier: Classifier; info: LoadedModel } | null = null;
// Inputs of the loaded model's recent classifications, for occlusion maps (64 x a 224² input
// is about 13 MB).
const recentInputs = new RecentInputs(64);
// The running occlusion map's stop flag; cancelSaliency sets it without waiting in the queue.
let saliencySignal: { aborted: boolean } | null = null;

// One call at a time: onnxruntime-web refuses overlapping runs of a session and overlapping
// initialisation, and a load must not release a session another call is using.
let queue: Promise<unknown> = Promise.resolve();

// A failure is a Problem whose params carry the file it concerns (the model or the image).
function wrap<T>(file: string, work: () => Promise<T>): Promise<Result<T>> {
  const next = queue.then(() => attempt(work, 'inference-failed', { file }));
  queue = next;
  return next;
}

function loaded(): { classifier: Classifier; info: LoadedModel } {
  if (!current) throw new Error('no model is loaded');
  return current;
}

/** A decoded frame as the loaded model's input tensor, as its card says. */
function modelInput(frame: DecodedFrame, ctx: FrameContext): Float32Array {
  const card = loaded().classifier.card;
  if (!isImageCard(card)) throw new Error('the model takes features, not images');
  return preprocessFrame(frame, card.preprocessing, card.input, ctx);
}

const api = {
  /** Loads a model (bytes) with its card (parsed JSON) on WebGPU or WASM. */
  load(
    modelBytes: Uint8Array,
    cardJson: unknown,
    file: string,
    preferred: ExecutionProvider | 'auto' = 'auto',
    numThreads?: number,
  ): Promise<Result<LoadedModel>> {
    return wrap(file, async () => {
      await current?.classifier.release();
      current = null;
      recentInputs.clear();
      const card = parseCard(cardJson, `${file} (card)`);
      const threads = configureWasm(numThreads);
      const executionProvider = await pickProvider(preferred);
      const classifier = await createClassifier(ortWeb, modelBytes, card, {
        file,
        session: { executionProviders: [executionProvider] },
      });
      await classifier.warmUp();
      const info = { card, sha256: classifier.sha256, executionProvider, threads };
      current = { classifier, info };
      return info;
    });
  },

  /** Probabilities (card label order) for model-ready inputs, e.g. the reference tensors. */
  probabilities(
    inputs: Float32Array[],
  ): Promise<Result<{ probabilities: number[][]; latencyMs: number }>> {
    return wrap('model', async () => {
      const { probabilities, latencyMs } = await loaded().classifier.probabilities(inputs);
      return { probabilities: probabilities.map((p) => Array.from(p)), latencyMs };
    });
  },

  /**
   * Classifies one decoded frame, preprocessing it as the card says. The model-ready input
   * stays here under `inputId` (the prediction's id) for a later occlusion map.
   */
  classifyFrame(
    frame: DecodedFrame,
    ctx: FrameContext,
    inputId?: string,
  ): Promise<Result<{ prediction: Prediction; latencyMs: number }>> {
    return wrap(ctx.file, async () => {
      const input = modelInput(frame, ctx);
      const { predictions, latencyMs } = await loaded().classifier.predict([input]);
      if (inputId !== undefined) recentInputs.remember(inputId, input);
      return { prediction: predictions[0], latencyMs };
    });
  },

  /**
   * Occlusion map of the input classified under `inputId`; when it is no longer kept, it is
   * made again from the frame `frameOf` gives (a page callback, called only then). Progress
   * goes to `onProgress`.
   */
  saliency(
    inputId: string,
    patch: number,
    stride: number,
    onProgress?: (done: number, total: number) => void,
    frameOf?: () => Promise<{ frame: DecodedFrame; ctx: FrameContext }>,
  ): Promise<Result<OcclusionMap>> {
    return wrap('model', async () => {
      const signal = { aborted: false };
      saliencySignal = signal;
      try {
        let input = recentInputs.take(inputId);
        if (!input) {
          if (!frameOf)
            throw new Error('the classified image is no longer kept: classify it again');
          const { frame, ctx } = await frameOf();
          input = modelInput(frame, ctx);
          recentInputs.remember(inputId, input);
        }
        const opts = { patch, stride, onProgress, signal };
        const result = await occlusionMap(loaded().classifier, input, opts);
        return Comlink.transfer(result, [result.map.buffer]);
      } finally {
        if (saliencySignal === signal) saliencySignal = null;
      }
    });
  },

  /** Stops the running occlusion map after its current batch; the model stays loaded. */
  cancelSaliency(): Result<void> {
    if (saliencySignal) saliencySignal.aborted = true;
    return ok(undefined);
  },
};

export type InferenceApi = typeof api;
Comlink.expose(api);

// The inference worker and the default model, loaded once per execution provider choice.
// Model, card and PyTorch reference are fetched from our own origin (public/models).
import { useEffect, useState } from 'react';
import type { ExecutionProvider } from '../../workers/inferenceRuntime.ts';
import type { LoadedModel } from '../../workers/inference.worker.ts';
import type { Problem, Result } from '../../core/result.ts';

import { inferenceWorker } from '../services/workers.ts';
export { inferenceWorker };

const modelBase = `${import.meta.env.BASE_URL}models/`;
export const defaultModel = {
  model: `${modelBase}pneumonia-cnn.onnx`,
  card: `${modelBase}pneumonia-cnn.card.json`,
  reference: `${modelBase}pneumonia-cnn.reference.json`,
};

export type ProviderChoice = ExecutionProvider | 'auto';

export type ModelState =
  | { status: 'loading' }
  | { status: 'ready'; model: LoadedModel }
  | { status: 'failed'; error: Problem };

async function loadDefault(
  provider: ProviderChoice,
  threads: number | undefined,
): Promise<Result<LoadedModel>> {
  const [bytes, card] = await Promise.all([
    fetch(defaultModel.model).then((r) => r.arrayBuffer()),
    fetch(defaultModel.card).then((r): Promise<unknown> => r.json()),
  ]);
  const model = new Uint8Array(bytes);
  return inferenceWorker.call(
    undefined,
    'load',
    model,
    card,
    'pneumonia-cnn.onnx',
    provider,
    threads,
  );
}

/**
 * Loads the default model on the chosen provider (and WASM thread count, default: automatic);
 * reloads when the choice changes.
 */
export function useDefaultModel(provider: ProviderChoice, threads?: number): ModelState {
  // The state remembers which choice it belongs to, so a new choice reads as loading at once.
  const key = `${provider}/${threads ?? 'auto'}`;
  const [state, setState] = useState<{ key: string; state: ModelState } | null>(null);
  useEffect(() => {
    let live = true;
    // A fresh worker per choice: onnxruntime-web's WASM settings are fixed once it has started.
    inferenceWorker.terminate();
    const settle = (s: ModelState) => live && setState({ key, state: s });
    loadDefault(provider, threads).then(
      (r) =>
        settle(r.ok ? { status: 'ready', model: r.value } : { status: 'failed', error: r.error }),
      (err: unknown) =>
        settle({
          status: 'failed',
          error: {
            code: 'model-unreadable',
            reason: String(err),
            params: { file: defaultModel.model },
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [key, provider, threads]);
  return state && state.key === key ? state.state : { status: 'loading' };
}

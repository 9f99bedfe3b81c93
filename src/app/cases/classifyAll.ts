// "Classify all": every image of the chosen series through the default model, in a pool of
// inference workers (each loads the model once, WASM with one thread, so the pool's workers run
// side by side on the cores), decoding in the decode pool as it goes. Results land in the
// predictions slice like any other, keyed by SOP Instance UID, frame and model hash; images
// already classified are skipped, so a cancelled run resumes where it stopped. The pool is
// started for a run (the model loads in well under a second) and stopped after it.
import type { StackPosition } from '../../core/ingest/stack.ts';
import { problemOf, ProblemError } from '../../core/result.ts';
import type { LoadedModel } from '../../workers/inference.worker.ts';
import { defaultModel } from '../panels/PredictionsSession.tsx';
import { classifyFailed, classifyPosition, type ModelHandle } from '../predictions/classify.ts';
import { cohortInferenceWorkers } from '../services/workers.ts';
import { workerCount } from '../services/pool.ts';
import { predictionId } from '../store/predictionsSlice.ts';
import { useStore } from '../store/store.ts';
import { useCases, type CohortRun } from './casesStore.ts';

let controller: AbortController | null = null;

export function cancelClassifyAll(): void {
  controller?.abort();
}

async function loadPool(): Promise<ModelHandle[]> {
  const [bytes, card] = await Promise.all([
    fetch(defaultModel.model).then((r) => r.arrayBuffer()),
    fetch(defaultModel.card).then((r): Promise<unknown> => r.json()),
  ]);
  const workers = cohortInferenceWorkers(workerCount(4));
  return Promise.all(
    workers.map(async (bridge) => {
      const r = await bridge.call(
        undefined,
        'load',
        new Uint8Array(bytes),
        card,
        'pneumonia-cnn.onnx',
        'wasm',
        1,
      );
      if (!r.ok) throw new ProblemError(r.error.code, r.error.reason, r.error.params);
      return { bridge, info: r.value satisfies LoadedModel };
    }),
  );
}

/** Classifies the images of these series (all loaded series when none are given). */
export async function classifyAll(seriesUids?: readonly string[]): Promise<void> {
  const cases = useCases.getState();
  if (cases.run.status === 'running' || cases.run.status === 'loading') return;
  const ctrl = new AbortController();
  controller = ctrl;
  cases.setRun({ status: 'loading', done: 0, total: 0, errors: [], startedAt: Date.now() });
  let handles: ModelHandle[];
  try {
    handles = await loadPool();
  } catch (e) {
    cases.setRun({
      status: 'failed',
      errors: [{ file: '', problem: problemOf(e, 'model-load-failed') }],
    });
    return;
  }
  const sha = handles[0].info.sha256;
  useCases.getState().setModel(sha);
  const { stacks, seriesByUid, predictions } = useStore.getState();
  const uids = seriesUids?.length
    ? seriesUids
    : Object.keys(seriesByUid).filter((u) => seriesByUid[u].modality !== 'SR');
  const todo: StackPosition[] = uids
    .flatMap((u) => stacks[u] ?? [])
    .filter((p) => !predictions[predictionId(p.instance.sopInstanceUID, p.frame, sha)]);
  const errors: CohortRun['errors'][number][] = [];
  let done = 0;
  const startedAt = Date.now();
  cases.setRun({ status: 'running', done, total: todo.length, startedAt });
  let next = 0;
  // One queue, one consumer per worker: each worker has at most one image in flight.
  await Promise.all(
    handles.map(async (h) => {
      while (!ctrl.signal.aborted && next < todo.length) {
        const pos = todo[next++];
        try {
          const r = await classifyPosition(h, pos, ctrl.signal);
          if ('problem' in r) errors.push({ file: pos.instance.file, problem: r.problem });
        } catch (e) {
          if (!ctrl.signal.aborted)
            errors.push({ file: pos.instance.file, problem: problemOf(e, classifyFailed) });
        }
        done++;
        useCases.getState().setRun({ done, errors: [...errors] });
      }
    }),
  );
  controller = null;
  // The pool lives for one run: a worker's model would not survive its idle timeout anyway.
  for (const h of handles) h.bridge.terminate();
  const status = ctrl.signal.aborted ? 'cancelled' : errors.length ? 'failed' : 'done';
  useCases.getState().setRun({ status });
}

// A training run of the Study view: the chosen bundles' manifests go to the training worker,
// progress comes back per fold, Cancel aborts (the bridge terminates the worker).
import { useRef, useState } from 'react';
import type { StudyTraining, StudyTrainingOptions } from '../../core/models/training/trainStudy.ts';
import { problemOf, type Problem } from '../../core/result.ts';
import { manifestsOf } from '../bundles/actions/library.ts';
import { trainingWorker } from '../services/workers.ts';
import { relabelled, type CaseLabels } from '../study/relabel.ts';

export type TrainingState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly run: StudyTraining }
  | { readonly kind: 'failed'; readonly problem: Problem }
  | { readonly kind: 'cancelled' };

export function useTraining() {
  const [state, setState] = useState<TrainingState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = async (
    ids: readonly string[],
    options: StudyTrainingOptions,
    labels?: CaseLabels,
  ) => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState({ kind: 'running', done: 0, total: 1 });
    try {
      const manifests = relabelled(await manifestsOf([...ids]), labels);
      // No fresh worker per run (a federation step may share this one): a run after a cancelled
      // one lost its result to a progress call arriving after the reply, on its own port, which
      // set the state back to "running"; the bridge now drops such late calls.
      const r = await trainingWorker.call(
        ctrl.signal,
        'train',
        manifests,
        options,
        (done, total) => {
          if (!ctrl.signal.aborted) setState({ kind: 'running', done, total });
        },
      );
      if (ctrl.signal.aborted) return;
      setState(r.ok ? { kind: 'done', run: r.value } : { kind: 'failed', problem: r.error });
    } catch (e) {
      setState(
        ctrl.signal.aborted
          ? { kind: 'cancelled' }
          : { kind: 'failed', problem: problemOf(e, 'TRAIN_FAILED') },
      );
    } finally {
      if (controller.current === ctrl) controller.current = null;
    }
  };

  const cancel = () => {
    controller.current?.abort();
    setState({ kind: 'cancelled' });
  };

  return { state, start, cancel };
}

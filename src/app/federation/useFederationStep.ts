// One step of a federation in the training worker: progress while it runs, Cancel aborts it (the
// bridge terminates the worker), and the reply or the Problem when it ends.
import { useRef, useState } from 'react';
import { problemOf, type Problem, type Result } from '../../core/result.ts';

export type StepState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly problem: Problem }
  | { readonly kind: 'cancelled' };

export type StepRun<T> = (
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
) => Promise<Result<T>>;

export function useFederationStep<T>() {
  const [state, setState] = useState<StepState<T>>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const run = async (step: StepRun<T>) => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState({ kind: 'running', done: 0, total: 1 });
    try {
      const r = await step(ctrl.signal, (done, total) => {
        if (!ctrl.signal.aborted) setState({ kind: 'running', done, total });
      });
      if (ctrl.signal.aborted) return;
      setState(r.ok ? { kind: 'done', value: r.value } : { kind: 'failed', problem: r.error });
    } catch (e) {
      if (controller.current === ctrl)
        setState(
          ctrl.signal.aborted
            ? { kind: 'cancelled' }
            : { kind: 'failed', problem: problemOf(e, 'FEDERATE_FAILED') },
        );
    } finally {
      if (controller.current === ctrl) controller.current = null;
    }
  };

  const cancel = () => {
    controller.current?.abort();
    setState({ kind: 'cancelled' });
  };

  return { state, run, cancel };
}

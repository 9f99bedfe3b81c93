// A cancellable run over the active series, with its progress: shared by the series and the
// comparison sections, which differ only in the models they run.
import { useRef, useState } from 'react';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { problemOf, type Problem } from '../../core/result.ts';
import { classifyFailed, classifyStack, type ModelHandle } from './classify.ts';

export interface SeriesRun {
  readonly progress: readonly [number, number] | null;
  readonly error: Problem | null;
  start: (models: readonly ModelHandle[], stack: readonly StackPosition[]) => Promise<void>;
  cancel: () => void;
}

export function useSeriesRun(): SeriesRun {
  const [progress, setProgress] = useState<readonly [number, number] | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const abort = useRef<AbortController | null>(null);
  const start = async (models: readonly ModelHandle[], stack: readonly StackPosition[]) => {
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress([0, stack.length * models.length]);
    try {
      const first = await classifyStack(
        models,
        stack,
        (d, t) => setProgress([d, t]),
        controller.signal,
      );
      if (first) setError(first);
    } catch (err) {
      if (!controller.signal.aborted) setError(problemOf(err, classifyFailed));
    } finally {
      setProgress(null);
    }
  };
  const cancel = () => abort.current?.abort();
  return { progress, error, start, cancel };
}

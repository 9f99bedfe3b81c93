// The run list, fetched when the tab opens and again every second while a run is still changing
// (running here, or a queued cohort whose workers write into the folder).
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchRuns, isLive, unreachable, type Answer, type RunList } from './cohortApi.ts';

export const pollMs = 1000;

export function useRuns(): { answer: Answer<RunList> | null; refresh: () => void } {
  const [answer, setAnswer] = useState<Answer<RunList> | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const abort = new AbortController();
    fetchRuns(abort.signal).then(
      (a) => {
        setAnswer(a);
        if (a.kind === 'ok' && a.value.runs.some(isLive))
          timer.current = setTimeout(refresh, pollMs);
      },
      (e: unknown) => {
        if (!abort.signal.aborted) setAnswer({ kind: 'problem', problem: unreachable(e) });
      },
    );
    return () => {
      abort.abort();
      clearTimeout(timer.current);
    };
  }, [tick, refresh]);
  return { answer, refresh };
}

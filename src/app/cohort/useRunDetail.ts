// One run's summary and failures, polled while the run is still changing.
import { useEffect, useState } from 'react';
import { fetchRun, isLive, unreachable, type Answer, type RunDetail } from './cohortApi.ts';
import { pollMs } from './useRuns.ts';

export function useRunDetail(id: string): Answer<RunDetail> | null {
  const [detail, setDetail] = useState<Answer<RunDetail> | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const d = await fetchRun(id, abort.signal);
        setDetail(d);
        if (d.kind === 'ok' && isLive(d.value)) timer = setTimeout(() => void load(), pollMs);
      } catch (e) {
        if (!abort.signal.aborted) setDetail({ kind: 'problem', problem: unreachable(e) });
      }
    };
    void load(); // a fresh component per run (keyed by id): no state to reset here
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [id]);
  return detail;
}

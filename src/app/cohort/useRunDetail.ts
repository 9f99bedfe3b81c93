// One run's failures and feature values, polled while the run is still changing; the feature
// rows are fetched again only when more series are done.
import { useEffect, useState } from 'react';
import {
  fetchFeatures,
  fetchRun,
  isLive,
  type Answer,
  type FeatureRow,
  type RunDetail,
} from './cohortApi.ts';
import { pollMs } from './useRuns.ts';

export interface RunView {
  readonly detail: Answer<RunDetail> | null;
  readonly features: { rows: FeatureRow[]; truncated: boolean } | null;
}

export function useRunDetail(id: string): RunView {
  const [detail, setDetail] = useState<Answer<RunDetail> | null>(null);
  const [features, setFeatures] = useState<RunView['features']>(null);
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let doneBefore = -1;
    const load = async () => {
      try {
        const d = await fetchRun(id, abort.signal);
        setDetail(d);
        if (d.kind !== 'ok') return;
        if (d.value.command === 'features' && d.value.done !== doneBefore) {
          doneBefore = d.value.done;
          const f = await fetchFeatures(id, abort.signal);
          if (f.kind === 'ok') setFeatures(f.value);
        }
        if (isLive(d.value)) timer = setTimeout(() => void load(), pollMs);
      } catch (e) {
        if (!abort.signal.aborted)
          setDetail({
            kind: 'problem',
            problem: {
              code: 'cohort-unreachable',
              reason: String(e),
              params: { reason: String(e) },
            },
          });
      }
    };
    void load(); // a fresh component per run (keyed by id): no state to reset here
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [id]);
  return { detail, features };
}

// A finished features run's Parquet table, fetched from the server and decoded once per run in
// the Parquet worker (the component is keyed by the run and asks only when the run no longer
// changes).
import { useEffect, useState } from 'react';
import { fetchParquet } from './cohortApi.ts';
import type { ResultColumns } from '../../core/cohort/resultColumns.ts';
import { parquetWorker } from '../services/workers.ts';
import type { Problem } from '../../core/result.ts';

export type ParquetState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly columns: ResultColumns; readonly bytes: number }
  | { readonly kind: 'problem'; readonly problem: Problem };

export function useRunParquet(id: string): ParquetState {
  const [state, setState] = useState<ParquetState>({ kind: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    const problem = (code: string, reason: string): ParquetState => ({
      kind: 'problem',
      problem: { code, reason, params: { reason } },
    });
    fetchParquet(id, abort.signal)
      .then(async (a) => {
        if (a.kind === 'ok') {
          const bytes = a.value.byteLength;
          const read = await parquetWorker.call(abort.signal, 'resultColumns', a.value);
          return read.ok
            ? ({ kind: 'ok', columns: read.value, bytes } as const)
            : ({ kind: 'problem', problem: read.error } as const);
        }
        return a.kind === 'problem'
          ? ({ kind: 'problem', problem: a.problem } as const)
          : problem('cohort-unreachable', 'no cohort server');
      })
      .then(
        (s) => !abort.signal.aborted && setState(s),
        (e: unknown) => !abort.signal.aborted && setState(problem('parquet-unreadable', String(e))),
      );
    return () => abort.abort();
  }, [id]);
  return state;
}

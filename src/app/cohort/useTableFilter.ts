// The results' filter over a whole large table, asked of the server (DuckDB there, not the rows
// loaded here): a moment after the last keystroke, the previous question abandoned; asked again
// when the table grows (`version`, the run's series done).
import { useEffect, useState } from 'react';
import type { Problem } from '../../core/result.ts';
import { filterRun, unreachable, type FilteredRows, type TableQuery } from './cohortApi.ts';

export type TableFilterState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly rows: FilteredRows }
  | { readonly kind: 'problem'; readonly problem: Problem };

/** Matching rows shown at once (the count is of the whole table). */
export const filteredRowsShown = 5000;
const settleMs = 250;

export function useTableFilter(
  id: string,
  query: TableQuery | null,
  version: number,
): TableFilterState {
  // The answer, with the question it answers: a newer question shows "loading" until answered.
  const [answer, setAnswer] = useState<{ key: string; state: TableFilterState } | null>(null);
  const key = query ? JSON.stringify([id, version, query]) : null;
  useEffect(() => {
    if (key === null) return;
    const [, , q] = JSON.parse(key) as [string, number, TableQuery];
    const abort = new AbortController();
    const settle = (state: TableFilterState) => {
      if (!abort.signal.aborted) setAnswer({ key, state });
    };
    const timer = setTimeout(() => {
      filterRun(id, q, filteredRowsShown, abort.signal).then(
        (a) =>
          settle(
            a.kind === 'ok'
              ? { kind: 'ok', rows: a.value }
              : a.kind === 'problem'
                ? { kind: 'problem', problem: a.problem }
                : { kind: 'problem', problem: unreachable('') },
          ),
        (e: unknown) => settle({ kind: 'problem', problem: unreachable(e) }),
      );
    }, settleMs);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [id, key]);
  if (key === null) return { kind: 'idle' };
  return answer?.key === key ? answer.state : { kind: 'loading' };
}

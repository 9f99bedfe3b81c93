// A features run's Parquet table, fetched from the server and decoded in the Parquet worker. While
// the run is going, `version` (its series done) moves on: the table is read again (the server
// compacts the series written so far into it), one read at a time and at most every few seconds,
// and the last table stays shown meanwhile.
import { useEffect, useRef, useState } from 'react';
import { fetchParquet } from './cohortApi.ts';
import type { ResultColumns } from '../../core/cohort/resultColumns.ts';
import { parquetWorker } from '../services/workers.ts';
import type { Problem } from '../../core/result.ts';

export type ParquetState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly columns: ResultColumns; readonly bytes: number }
  | { readonly kind: 'problem'; readonly problem: Problem };

/** The least time between the starts of two reads of a growing table. */
export const refreshMs = 3000;

const problem = (code: string, reason: string): ParquetState => ({
  kind: 'problem',
  problem: { code, reason, params: { reason } },
});

async function readTable(id: string, signal: AbortSignal): Promise<ParquetState> {
  const a = await fetchParquet(id, signal);
  if (a.kind === 'problem') return { kind: 'problem', problem: a.problem };
  if (a.kind === 'unavailable') return problem('cohort-unreachable', 'no cohort server');
  const bytes = a.value.byteLength;
  const read = await parquetWorker.call(signal, 'resultColumns', a.value);
  return read.ok
    ? { kind: 'ok', columns: read.value, bytes }
    : { kind: 'problem', problem: read.error };
}

export function useRunParquet(id: string, version: number): ParquetState {
  const [state, setState] = useState<ParquetState>({ kind: 'loading' });
  const wanted = useRef(version);
  const kick = useRef<() => void>(() => {});
  useEffect(() => {
    const abort = new AbortController();
    let read = -1; // the version last read
    let lastStart = 0;
    let running = false;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const pump = async () => {
      if (running) return;
      running = true;
      try {
        while (!abort.signal.aborted && read !== wanted.current) {
          await sleep(Math.max(0, lastStart + refreshMs - Date.now()));
          if (abort.signal.aborted) return;
          const v = wanted.current;
          lastStart = Date.now();
          const s = await readTable(id, abort.signal).catch((e: unknown) =>
            problem('parquet-unreadable', String(e)),
          );
          if (abort.signal.aborted) return;
          setState(s);
          read = v;
        }
      } finally {
        running = false;
      }
    };
    kick.current = () => void pump();
    void pump();
    return () => abort.abort();
  }, [id]);
  useEffect(() => {
    wanted.current = version;
    kick.current();
  }, [version]);
  return state;
}

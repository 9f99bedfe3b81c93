// A features run's Parquet table, read in the Parquet worker over HTTP byte ranges: the footer,
// then the window of rows shown (the whole table when small), so a cohort-sized table opens
// without fetching the whole file. While the run is going, `version` (its series done) moves on:
// the table is opened again (the server compacts the series written so far into it), one read at
// a time and at most every few seconds, and the last window stays shown meanwhile.
import { useCallback, useEffect, useRef, useState } from 'react';
import { openParquet, parquetRanges, type ParquetVersion } from './cohortApi.ts';
import type { ResultColumns } from '../../core/cohort/resultColumns.ts';
import { parquetWorker } from '../services/workers.ts';
import type { Problem } from '../../core/result.ts';

export type ParquetState =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'ok';
      readonly columns: ResultColumns;
      /** The window's first row, and the table's rows. */
      readonly rowStart: number;
      readonly totalRows: number;
      /** Bytes fetched for this version of the table so far, and its size. */
      readonly bytesRead: number;
      readonly byteLength: number;
    }
  | { readonly kind: 'problem'; readonly problem: Problem };

/** The least time between the starts of two reads of a growing table. */
export const refreshMs = 3000;

const problem = (code: string, reason: string): ParquetState => ({
  kind: 'problem',
  problem: { code, reason, params: { reason } },
});

interface Opened {
  readonly version: ParquetVersion;
  readonly counted: { bytes: number };
}

export function useRunParquet(
  id: string,
  version: number,
): { state: ParquetState; showRow: (row: number) => void } {
  const [state, setState] = useState<ParquetState>({ kind: 'loading' });
  const wanted = useRef({ version, row: 0 });
  const kick = useRef<() => void>(() => {});
  useEffect(() => {
    const abort = new AbortController();
    let read = { version: -1, row: -1 }; // what is shown
    let opened: Opened | null = null;
    let lastOpen = 0;
    let running = false;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const open = async (): Promise<Opened | ParquetState> => {
      lastOpen = Date.now();
      const a = await openParquet(id, abort.signal);
      if (a.kind === 'problem') return { kind: 'problem', problem: a.problem };
      if (a.kind === 'unavailable') return problem('cohort-unreachable', 'no cohort server');
      return { version: a.value, counted: { bytes: 0 } };
    };
    const readWindow = async (o: Opened, row: number): Promise<ParquetState> => {
      const key = `${id} ${o.version.etag}`;
      const source = { key, byteLength: o.version.byteLength };
      const w = await parquetWorker.call(
        abort.signal,
        'resultWindow',
        source,
        parquetRanges(id, o.version, o.counted),
        row,
      );
      if (!w.ok) return { kind: 'problem', problem: w.error };
      return {
        kind: 'ok',
        columns: w.value.columns,
        rowStart: w.value.rowStart,
        totalRows: w.value.totalRows,
        bytesRead: o.counted.bytes,
        byteLength: o.version.byteLength,
      };
    };
    const step = async (want: { version: number; row: number }): Promise<ParquetState> => {
      if (!opened || want.version !== read.version) {
        // A newer table: no sooner than refreshMs after the last open.
        await sleep(Math.max(0, lastOpen + refreshMs - Date.now()));
        const o = await open();
        if (!('version' in o)) return o;
        opened = o;
      }
      let s = await readWindow(opened, want.row);
      if (s.kind === 'problem' && s.problem.code === 'parquet-changed') {
        // Compacted again between the open and the read: once more, from the new version.
        const o = await open();
        if (!('version' in o)) return o;
        opened = o;
        s = await readWindow(opened, want.row);
      }
      return s;
    };
    const pump = async () => {
      if (running) return;
      running = true;
      try {
        for (;;) {
          const want = { ...wanted.current };
          if (abort.signal.aborted || (want.version === read.version && want.row === read.row))
            return;
          const s = await step(want).catch((e: unknown) =>
            problem('parquet-unreadable', String(e)),
          );
          if (abort.signal.aborted) return;
          setState(s);
          read = want;
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
    wanted.current = { ...wanted.current, version };
    kick.current();
  }, [version]);
  const showRow = useCallback((row: number) => {
    wanted.current = { ...wanted.current, row };
    kick.current();
  }, []);
  return { state, showRow };
}

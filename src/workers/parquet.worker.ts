// The Cohort tab's Parquet reader: a run's results table (zstd pages, a value per series,
// feature and filter, millions at cohort scale) is decoded here, never on the page. The bytes
// come from the page (its `read`, a byte-range fetch on its own origin; nothing is fetched here):
// the footer first, then only the row groups and columns of the window shown.
import * as Comlink from 'comlink';
import type { FileMetaData } from 'hyparquet';
import { readResultWindow } from '../core/cohort/resultColumns.ts';
import { attempt, ProblemError, type Result } from '../core/result.ts';

/** A version of a table (its URL and ETag) and its size. */
export interface TableSource {
  readonly key: string;
  readonly byteLength: number;
}

/** Bytes start..end (exclusive) of the table, or why not (the table changed: parquet-changed). */
export type ReadRange = (start: number, end: number) => Promise<Result<ArrayBuffer>>;

// The footer of the table last read: paging through it does not fetch it again.
let footer: { key: string; metadata: FileMetaData } | null = null;

const api = {
  /** The window of the table holding row `rowStart`, read by ranges. */
  resultWindow(source: TableSource, read: ReadRange, rowStart: number) {
    return attempt(async () => {
      const file = {
        byteLength: source.byteLength,
        async slice(start: number, end?: number) {
          const a = await read(start, end ?? source.byteLength);
          if (!a.ok) throw new ProblemError(a.error.code, a.error.reason, a.error.params);
          return a.value;
        },
      };
      const known = footer?.key === source.key ? footer.metadata : undefined;
      const { metadata, ...window } = await readResultWindow(file, rowStart, known);
      footer = { key: source.key, metadata };
      return window;
    }, 'parquet-unreadable');
  },
};

export type ParquetApi = typeof api;
Comlink.expose(api);

// The Cohort tab's Parquet reader: a run's results table (zstd pages, a value per series,
// feature and filter, millions at cohort scale) is decoded here, never on the page.
import * as Comlink from 'comlink';
import { readResultColumns } from '../core/cohort/resultColumns.ts';
import { attempt } from '../core/result.ts';

const api = {
  /** The run's long table, one array per column. */
  resultColumns(file: ArrayBuffer) {
    return attempt(() => readResultColumns(file), 'parquet-unreadable');
  },
};

export type ParquetApi = typeof api;
Comlink.expose(api);

// A run's long Parquet table (the columns of `consilium cohort parquet`, cli/cohort/parquet.ts)
// decoded into one array per column: millions of values stay numbers in a Float64Array and
// strings shared, not an object per row. zstd pages are inflated by fzstd, the rest by hyparquet.
// A large table is read a window of whole row groups at a time, from an AsyncBuffer whose slices
// are byte ranges: its footer first, then only the row groups and columns of the window.
import { decompress } from 'fzstd';
import {
  cachedAsyncBuffer,
  parquetMetadataAsync,
  parquetRead,
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet';

export interface ResultColumns {
  readonly length: number;
  readonly series: readonly string[];
  readonly roi: readonly string[];
  /** -1: not per slice. */
  readonly slice: Int32Array;
  readonly family: readonly string[];
  readonly ibsiCode: readonly string[];
  readonly name: readonly string[];
  readonly aggregation: readonly string[];
  readonly filter: readonly string[];
  readonly unit: readonly string[];
  /** NaN: no value (a feature undefined for this ROI). */
  readonly value: Float64Array;
}

const textColumns = {
  series: 'series',
  roi: 'roi',
  family: 'family',
  ibsiCode: 'ibsi_code',
  name: 'name',
  aggregation: 'aggregation',
  filter: 'filter',
  unit: 'unit',
} as const;

/** hyparquet's decompressor for the tables' zstd pages (hyparquet has none of its own). */
export const parquetCompressors = {
  ZSTD: (input: Uint8Array, outputLength: number) =>
    decompress(input, new Uint8Array(outputLength)),
};

/** Decodes the Parquet bytes of a run's features table (rows rowStart..rowEnd, all by default). */
export async function readResultColumns(
  file: ArrayBuffer | AsyncBuffer,
  rows: { rowStart: number; rowEnd: number; metadata?: FileMetaData } = {
    rowStart: 0,
    rowEnd: Infinity,
  },
): Promise<ResultColumns> {
  const texts = Object.fromEntries(
    Object.keys(textColumns).map((k) => [k, [] as string[]]),
  ) as Record<keyof typeof textColumns, string[]>;
  const byParquet = new Map<string, string[]>(
    Object.entries(textColumns).map(([k, c]) => [c, texts[k as keyof typeof textColumns]]),
  );
  const values: number[] = [];
  const slices: number[] = [];
  let length = 0;
  const first = rows.rowStart;
  await parquetRead({
    file,
    compressors: parquetCompressors,
    ...(rows.metadata ? { metadata: rows.metadata } : {}),
    rowStart: rows.rowStart,
    rowEnd: rows.rowEnd,
    columns: [...Object.values(textColumns), 'slice', 'value'],
    onChunk: ({ columnName, columnData, rowStart: chunkStart }) => {
      // Chunks cover whole pages: keep the window's rows, counted from its start.
      const rowStart = chunkStart - first;
      const target =
        columnName === 'value'
          ? values
          : columnName === 'slice'
            ? slices
            : byParquet.get(columnName);
      if (!target) return;
      const from = Math.max(0, -rowStart);
      const to = Math.min(columnData.length, rows.rowEnd - first - rowStart);
      for (let i = from; i < to; i++) {
        const v: unknown = columnData[i];
        (target as unknown[])[rowStart + i] =
          target === values || target === slices
            ? typeof v === 'number' || typeof v === 'bigint'
              ? Number(v)
              : target === values
                ? NaN
                : -1
            : v === null || v === undefined
              ? ''
              : String(v);
      }
      if (to > from) length = Math.max(length, rowStart + to);
    },
  });
  return {
    length,
    ...texts,
    slice: Int32Array.from({ length }, (_, i) => slices[i] ?? -1),
    value: Float64Array.from({ length }, (_, i) => values[i] ?? NaN),
  };
}

/** Rows read at once from a large table; a smaller table is read whole. */
export const windowRows = 50_000;
export const wholeRows = 200_000;

export interface ResultWindow {
  /** The table's rows, all of them. */
  readonly totalRows: number;
  /** The window's first row in the table. */
  readonly rowStart: number;
  readonly columns: ResultColumns;
}

/** The window holding row `rowStart`: the whole table when it is small, else whole row groups from
 * the one holding it, at least `windowRows` rows where the table has them. */
export function windowOf(metadata: FileMetaData, rowStart: number): { start: number; end: number } {
  const total = Number(metadata.num_rows);
  if (total <= wholeRows) return { start: 0, end: total };
  let start = 0;
  let end = 0;
  for (const g of metadata.row_groups) {
    const n = Number(g.num_rows);
    if (end + n <= rowStart) {
      end += n;
      start = end;
      continue;
    }
    end += n;
    if (end - start >= windowRows) break;
  }
  return { start, end: Math.min(end, total) };
}

/** Reads the footer of `file` (unless `metadata` is given) and the window holding `rowStart`. */
export async function readResultWindow(
  file: AsyncBuffer,
  rowStart: number,
  metadata?: FileMetaData,
): Promise<ResultWindow & { metadata: FileMetaData }> {
  // One fetch for a small file (< 512 KiB), and no byte range asked twice within this read.
  const cached = cachedAsyncBuffer(file);
  // The footer of a table of a few dozen row groups is some KiB: hyparquet asks again for the
  // rest when it is larger.
  const meta = metadata ?? (await parquetMetadataAsync(cached, { initialFetchSize: 1 << 16 }));
  const { start, end } = windowOf(meta, Math.max(0, Math.min(rowStart, Number(meta.num_rows) - 1)));
  const columns = await readResultColumns(cached, { rowStart: start, rowEnd: end, metadata: meta });
  return { totalRows: Number(meta.num_rows), rowStart: start, columns, metadata: meta };
}

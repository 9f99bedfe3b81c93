// A run's long Parquet table (the columns of `consilium cohort parquet`, cli/cohort/parquet.ts)
// decoded into one array per column: millions of values stay numbers in a Float64Array and
// strings shared, not an object per row. zstd pages are inflated by fzstd, the rest by hyparquet.
import { decompress } from 'fzstd';
import { parquetRead } from 'hyparquet';

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

const compressors = {
  ZSTD: (input: Uint8Array, outputLength: number) =>
    decompress(input, new Uint8Array(outputLength)),
};

/** Decodes the Parquet bytes of a run's features table. */
export async function readResultColumns(file: ArrayBuffer): Promise<ResultColumns> {
  const texts = Object.fromEntries(
    Object.keys(textColumns).map((k) => [k, [] as string[]]),
  ) as Record<keyof typeof textColumns, string[]>;
  const byParquet = new Map<string, string[]>(
    Object.entries(textColumns).map(([k, c]) => [c, texts[k as keyof typeof textColumns]]),
  );
  const values: number[] = [];
  const slices: number[] = [];
  let length = 0;
  await parquetRead({
    file,
    compressors,
    columns: [...Object.values(textColumns), 'slice', 'value'],
    onChunk: ({ columnName, columnData, rowStart }) => {
      const target =
        columnName === 'value'
          ? values
          : columnName === 'slice'
            ? slices
            : byParquet.get(columnName);
      if (!target) return;
      for (let i = 0; i < columnData.length; i++) {
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
      length = Math.max(length, rowStart + columnData.length);
    },
  });
  return {
    length,
    ...texts,
    slice: Int32Array.from({ length }, (_, i) => slices[i] ?? -1),
    value: Float64Array.from({ length }, (_, i) => values[i] ?? NaN),
  };
}

// A completed features run of `series` series × `features` values, its Parquet table written
// straight by DuckDB (as `consilium cohort parquet` writes it: the same columns and options) rather
// than from 100,000 record files: the Cohort tab's range reads are tested against it. The value of
// series s, feature f is s / 4 + f, so a reader can check any row it shows.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetColumns, parquetCopyOptions, sqlString } from '../parquet.ts';
import { writeFeaturesRunFolder } from './featuresRunFolder.ts';

export const largeSeriesUid = (s: number) => `1.2.826.0.1.3680043.10.5.${s}`;
export const largeValue = (s: number, f: number) => ((s * 2654435761 + f * 40503) % 1000003) / 1000;

export async function writeLargeFeaturesRun(
  dir: string,
  series: number,
  features: number,
): Promise<void> {
  await writeFeaturesRunFolder(dir, 'large');
  // Completed before its table was written: the server serves the table as it is.
  await writeFile(join(dir, 'features.jsonl'), '');
  const cast = (name: keyof typeof parquetColumns, sql: string) =>
    `CAST(${sql} AS ${parquetColumns[name]}) AS ${name}`;
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const out = sqlString(join(dir, 'features.parquet'));
  await c.run(
    `COPY (SELECT ${[
      cast('series_key', "printf('%032x', s)"),
      cast('settings_hash', "'large'"),
      cast('series', `'1.2.826.0.1.3680043.10.5.' || s`),
      cast('file', `'/archive/' || s || '/1.dcm'`),
      cast('roi', "'whole'"),
      cast('slice', 'NULL'),
      cast('family', "'intensity-statistics'"),
      cast('ibsi_code', `'CODE' || f`),
      cast('name', `'feature ' || f`),
      cast('aggregation', "'3D'"),
      cast('filter', "''"),
      cast('unit', "'HU'"),
      cast('value', '((s * 2654435761 + f * 40503) % 1000003) / 1000'),
    ].join(', ')} FROM range(${series}) a(s), range(${features}) b(f) ORDER BY s, f) ` +
      `TO ${out} (${parquetCopyOptions})`,
  );
  c.closeSync();
}

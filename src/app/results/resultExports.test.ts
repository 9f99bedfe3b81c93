// The results exports read back by independent readers: the Parquet files by DuckDB, the CSVs by
// papaparse, each against the features that core computed for two series.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFeatures } from '../../core/analysis/computeFeatures.ts';
import { defaultParams } from '../../core/analysis/params.ts';
import type { AnalysisResult } from '../analysis/types.ts';
import { exportFileName, longCsv, longParquet, wideCsv, wideParquet } from './resultExports.ts';
import { longRows, wideTable, type FactsOf } from './resultTables.ts';

function result(seriesUID: string, seed: number, roiName: string, slice = 0): AnalysisResult {
  const values = Float32Array.from({ length: 8 * 8 * 2 }, (_, i) => ((i * seed) % 13) - 4);
  const mask = new Uint8Array(values.length).fill(1);
  const set = computeFeatures(
    { values, mask, dims: [8, 8, 2], spacingMm: [1, 1, 2] },
    defaultParams,
    ['intensity-statistics', 'glcm'],
  );
  return {
    key: `${seriesUID}/${roiName}/${slice}`,
    seriesUID,
    position: '',
    slice,
    roiName,
    roiKey: roiName,
    paramsKey: '0123456789abcdef',
    params: defaultParams,
    roiVoxels: set.roiVoxels,
    features: set.features,
    histogram: {} as AnalysisResult['histogram'],
  };
}

const results = [result('1.2.1', 3, 'whole'), result('1.2.2', 5, '=1+1', 2)];
const facts: FactsOf = (uid) => ({
  series: uid === '1.2.1' ? 'PA chest' : 'Lateral, chest',
  patientId: 'P1',
  studyUid: '1.2',
  modality: 'CR',
});
const featureCount = results[0].features.length;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-results-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function duckRows(bytes: ArrayBuffer, sql: string): Promise<Record<string, unknown>[]> {
  const path = join(dir, `t${Math.random().toString(16).slice(2)}.parquet`);
  await writeFile(path, new Uint8Array(bytes));
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const reader = await c.runAndReadAll(sql.replace('$file', `'${path}'`));
  const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
  c.closeSync();
  return rows;
}

describe('long form', () => {
  const rows = longRows(results, facts);

  it('has one row per series × ROI × slice × feature × aggregation', () => {
    expect(rows).toHaveLength(2 * featureCount);
    expect(rows[0]).toMatchObject({ series: 'PA chest', slice: null, settings_hash: '01234567' });
  });

  it('Parquet reads back in DuckDB with the same values and types', async () => {
    const back = await duckRows(
      longParquet(rows),
      'SELECT series_uid, roi, slice, ibsi_code, aggregation, value, typeof(value) AS t FROM read_parquet($file)',
    );
    expect(back).toHaveLength(rows.length);
    for (let i = 0; i < rows.length; i++) {
      expect(back[i].series_uid).toBe(rows[i].series_uid);
      expect(back[i].ibsi_code).toBe(rows[i].ibsi_code);
      expect(back[i].slice).toBe(rows[i].slice);
      if (Number.isNaN(rows[i].value)) expect(Number.isNaN(back[i].value)).toBe(true);
      else expect(back[i].value).toBe(rows[i].value);
    }
    expect(back[0].t).toBe('DOUBLE');
  });

  it('CSV reads back with the same cells, and user text is never a formula', () => {
    const parsed = Papa.parse<Record<string, string>>(longCsv(rows), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(rows.length);
    const last = parsed.data[rows.length - 1];
    expect(last.roi).toBe("'=1+1");
    expect(last.series).toBe('Lateral, chest');
    expect(Number(last.value)).toBe(rows[rows.length - 1].value);
  });
});

describe('wide form', () => {
  const table = wideTable(results, facts);

  it('has one row per case and one column per feature', () => {
    expect(table.rows).toHaveLength(2);
    expect(table.columns).toHaveLength(featureCount);
    expect(new Set(table.columns.map((c) => c.id)).size).toBe(featureCount);
  });

  it('Parquet reads back in DuckDB: a row per case, every feature a DOUBLE column', async () => {
    const back = await duckRows(wideParquet(table), 'SELECT * FROM read_parquet($file)');
    expect(back).toHaveLength(2);
    const mean = table.columns.find((c) => c.ibsiCode === 'Q4LE');
    expect(mean).toBeDefined();
    expect(back[1][mean!.id]).toBe(results[1].features.find((f) => f.ibsiCode === 'Q4LE')!.value);
    expect(back[1].slice).toBe(2);
    expect(back[0].slice).toBeNull();
  });

  it('CSV has the same header as the Parquet file', () => {
    const parsed = Papa.parse<string[]>(wideCsv(table), { skipEmptyLines: true });
    expect(parsed.data[0].slice(0, 3)).toEqual(['series_uid', 'series', 'patient_id']);
    expect(parsed.data[0]).toHaveLength(8 + featureCount);
    expect(parsed.data).toHaveLength(3);
  });
});

it('file names carry the series and the settings hash', () => {
  expect(exportFileName(['PA chest'], ['01234567'], 'wide', 'parquet')).toBe(
    'features-PA_chest-01234567-wide.parquet',
  );
  expect(exportFileName(['a', 'b'], ['1', '2'], 'long', 'csv')).toBe(
    'features-2-series-mixed-long.csv',
  );
});

// `consilium features` on the IBSI phantom written as DICOM (image + mask series), in each of
// the six aggregations, against the IBSI reference values; and worker threads giving the
// in-process output.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureValue } from '../core/analysis/computeFeatures.ts';
import {
  findReference,
  matchesReference,
  parseReferenceTsv,
  type ReferenceRow,
} from '../core/analysis/ibsiReference.ts';
import { directionalAggregations } from '../core/analysis/texture/aggregate.ts';

const dir = '../shared/data/ibsi';
const rows = parseReferenceTsv(readFileSync(`${dir}/reference.tsv`, 'utf8'));

function phantomRecords(aggregation: string, ...more: string[]): Record<string, unknown>[] {
  // Fixed bin size 1 from the ROI minimum (1) keeps the phantom's grey levels unchanged.
  const out = execFileSync(
    'node',
    [
      'bin/consilium.mjs',
      'features',
      `${dir}/dicom/image`,
      '--mask',
      `${dir}/dicom/mask`,
      '--aggregation',
      aggregation,
      '--bin-width',
      '1',
      '--json',
      '--jobs',
      '1',
      ...more,
    ],
    { encoding: 'utf8' },
  );
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('consilium features on the IBSI phantom DICOM series', () => {
  it('reproduces all 482 IBSI reference values, one record per ROI in every aggregation', () => {
    const covered = new Set<ReferenceRow>();
    const mismatches: string[] = [];
    for (const aggregation of directionalAggregations) {
      const lines = phantomRecords(aggregation);
      expect(lines, aggregation).toHaveLength(1);
      const [line] = lines;
      expect(line.ok).toBe(true);
      const record = line.value as Record<string, unknown>;
      expect(record.roiVoxels).toBe(74);
      expect(record.dims).toEqual([5, 4, 4]);
      expect(record.spacingMm).toEqual([2, 2, 2]);
      expect((record.params as { aggregation: string }).aggregation).toBe(aggregation);
      const features = record.features as FeatureValue[];
      let checked = 0;
      for (const f of features) {
        const row = findReference(rows, f);
        if (!row) continue;
        checked++;
        covered.add(row);
        if (!matchesReference(f.value, row))
          mismatches.push(`${aggregation} ${f.name} ${f.ibsiCode}: ${f.value} vs ${row.value}`);
      }
      // Every feature of every aggregation has a reference row.
      expect(checked, aggregation).toBe(features.length);
    }
    expect(mismatches).toEqual([]);
    expect(covered.size).toBe(482);
    expect(rows).toHaveLength(482);
  }, 120_000);

  it('--per-slice gives one record per slice of the ROI, each its own 2D ROI', () => {
    const lines = phantomRecords('2d-avg', '--per-slice');
    expect(lines.map((l) => (l.value as { slice: number }).slice)).toEqual([0, 1, 2, 3]);
    const voxels = lines.map((l) => (l.value as { roiVoxels: number }).roiVoxels);
    expect(voxels.reduce((a, b) => a + b)).toBe(74);
  });
});

describe('consilium features --jobs', () => {
  it('prints the same bytes, records and exit code with 2 worker threads as in process', () => {
    // The decoder corpus has many series, unreadable files and colour images (error records),
    // so results (one per slice here) arrive out of order from the workers and must still
    // print in input order.
    const run = (jobs: string) =>
      spawnSync(
        'node',
        [
          'bin/consilium.mjs',
          'features',
          '../shared/data/dicom',
          `${dir}/dicom/image`,
          '--roi',
          '0,0,16,16',
          '--aggregation',
          '2d-avg',
          '--per-slice',
          '--json',
          '--jobs',
          jobs,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 28 },
      );
    const inProcess = run('1');
    const workers = run('2');
    expect(workers.stderr).toBe(inProcess.stderr);
    expect(workers.status).toBe(inProcess.status);
    expect(workers.stdout).toBe(inProcess.stdout);
    const records = inProcess.stdout.trim().split('\n');
    expect(records.length).toBeGreaterThan(100);
    // Failures are Result records: a stable code, a reason, and the file among the params.
    const failed = records.map((r) => JSON.parse(r)).filter((r) => r.ok === false);
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(Object.keys(r)).toEqual(['ok', 'error']);
      expect(r.error).toEqual({
        code: expect.any(String),
        reason: expect.any(String),
        params: expect.objectContaining({ file: expect.any(String) }),
      });
    }
    expect(failed.find((r) => r.error.params.file.endsWith('README.md')).error.code).toBe(
      'not-dicom',
    );
  }, 120_000);
});

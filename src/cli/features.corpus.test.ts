// `consilium features` on the IBSI phantom written as DICOM (image + mask series), 3D merged,
// against the IBSI reference values; and worker threads giving the in-process output.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureValue } from '../core/analysis/computeFeatures.ts';
import {
  findReference,
  matchesReference,
  parseReferenceTsv,
} from '../core/analysis/ibsiReference.ts';

const dir = '../shared/data/ibsi';
const rows = parseReferenceTsv(readFileSync(`${dir}/reference.tsv`, 'utf8'));

describe('consilium features on the IBSI phantom DICOM series', () => {
  it('reproduces the IBSI 3D merged reference values from image + mask series', () => {
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
        '3d-merged',
        '--bin-width',
        '1',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line.ok).toBe(true);
    const record = line.value as Record<string, unknown>;
    expect(record.roiVoxels).toBe(74);
    expect(record.dims).toEqual([5, 4, 4]);
    expect(record.spacingMm).toEqual([2, 2, 2]);
    const features = record.features as FeatureValue[];
    const mismatches: string[] = [];
    let checked = 0;
    for (const f of features) {
      const row = findReference(rows, f);
      if (!row) continue;
      checked++;
      if (!matchesReference(f.value, row))
        mismatches.push(`${f.name} ${f.ibsiCode}: ${f.value} vs ${row.value}`);
    }
    expect(mismatches).toEqual([]);
    // Every feature of the 3D merged run has a reference row.
    expect(checked).toBe(features.length);
    expect(checked).toBeGreaterThan(100);
  });
});

describe('consilium features --jobs', () => {
  it('prints the same bytes, records and exit code with 2 worker threads as in process', () => {
    // The decoder corpus has many series, unreadable files and colour images (error records),
    // so results arrive out of order from the workers and must still print in input order.
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

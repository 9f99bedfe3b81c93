// `consilium features --filter`: one record per filter beside the unfiltered one, each feature
// tagged with its filter, the values those of the core's filtered-image features.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../core/analysis/params.ts';
import { filteredRoiFeatures } from '../core/filters/filteredFeatures.ts';
import { niftiBytes } from '../core/filters/niftiWrite.ts';
import { parseFilterSpec } from '../core/filters/spec.ts';
import { randomVolume } from '../core/filters/testing.ts';
import { parseFeaturesArgs } from './featuresArgs.ts';

const run = promisify(execFile);

describe('consilium features --filter', () => {
  it('parses each filter and refuses a bad one by name', () => {
    const a = parseFeaturesArgs(['x.nii', '--filter', 'log:sigma=2', '--filter', 'mean:support=3']);
    expect(a.filters).toEqual([parseFilterSpec('log:sigma=2'), parseFilterSpec('mean:support=3')]);
    expect(parseFeaturesArgs(['x.nii']).filters).toBeUndefined();
    expect(() => parseFeaturesArgs(['x.nii', '--filter', 'log:sigma=0'])).toThrow(
      '--filter log:sigma=0',
    );
  });

  it('prints the filtered records beside the unfiltered one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-filter-features-'));
    const img = randomVolume([12, 10, 6], 9);
    const affineLps: [number, number, number, number][] = [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 2, 0],
    ];
    const file = join(dir, 'ct.nii');
    await writeFile(file, niftiBytes({ dims: img.dims, values: img.values, affineLps }, false));
    const argv = ['bin/consilium.mjs', 'features', file, '--families', 'intensity-statistics'];
    const { stdout } = await run(process.execPath, [
      ...argv,
      '--filter',
      'log:sigma=2,boundary=mirror',
      '--filter',
      'laws:kernel=E5L5S5,boundary=zero',
      '--jobs',
      '1',
      '--json',
    ]);
    const records = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.ok)).toEqual([true, true, true]);
    const [plain, log, laws] = records.map((r) => r.value);
    expect(plain.filter).toBeUndefined();
    expect(log.filter).toBe('log:sigma=2,truncate=4,boundary=mirror,dims=3');
    expect(laws.filter).toBe('laws:kernel=E5L5S5,boundary=zero,dims=3');
    const mean = (r: { features: { ibsiCode: string; value: number }[] }) =>
      r.features.find((f) => f.ibsiCode === 'Q4LE')?.value;
    const mask = new Uint8Array(img.values.length).fill(1);
    const core = filteredRoiFeatures(
      { ...img, spacingMm: [1, 1, 2], mask },
      defaultParams,
      parseFilterSpec('log:sigma=2,boundary=mirror'),
      { families: ['intensity-statistics'] },
    );
    expect(mean(log)).toBeCloseTo(core.features.find((f) => f.ibsiCode === 'Q4LE')!.value, 9);
    expect(mean(log)).not.toBeCloseTo(mean(plain)!, 3);
    expect(log.features.every((f: { filter: string }) => f.filter === log.filter)).toBe(true);
  });
});

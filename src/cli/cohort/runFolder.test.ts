// What the Cohort tab is told about a results folder: failures from error records (features,
// infer) and from a series' problems (analyze), a model outside its scope not counted; feature
// values as rows; a folder without run.json is no run.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { featureRows, failuresOf, readRunFolder } from './runFolder.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function folder(command: string | null, series: Record<string, unknown[]>) {
  const dir = await mkdtemp(join(tmpdir(), 'consilium-run-folder-'));
  dirs.push(dir);
  await mkdir(join(dir, 'series'));
  if (command)
    await writeFile(join(dir, 'run.json'), JSON.stringify({ command, settingsHash: 'h' }));
  for (const [key, records] of Object.entries(series))
    await writeFile(
      join(dir, 'series', `${key}.json`),
      JSON.stringify({ key, series: `uid-${key}`, records }),
    );
  return dir;
}

const feature = (ibsiCode: string, value: number | null) => ({
  family: 'intensity-statistics',
  ibsiCode,
  name: ibsiCode,
  aggregation: '',
  unit: 'HU',
  value,
});

describe('runFolder', () => {
  it('counts failed series from error records and analyze problems, not out-of-scope models', () => {
    expect(
      failuresOf({
        key: 'k',
        series: 's',
        records: [
          {
            seriesUid: 's',
            features: [],
            predictions: [],
            problems: [
              {
                code: 'image-unsupported',
                reason: 'CT, not CR',
                params: { step: 'prediction', file: 'a' },
              },
              { code: 'analysis-failed', reason: 'out of memory', params: { file: 'b' } },
            ],
          },
        ],
      }),
    ).toEqual([{ series: 's', file: 'b', code: 'analysis-failed', reason: 'out of memory' }]);
  });

  it('summarises a features folder and gives its values as rows', async () => {
    const dir = await folder('features', {
      a: [
        {
          ok: true,
          value: {
            series: 'uid-a',
            roi: { kind: 'whole' },
            features: [feature('Q4LE', 1.5), feature('ECT3', Number.NaN)],
          },
        },
      ],
      b: [
        {
          ok: false,
          error: { code: 'decode-failed', reason: 'truncated', params: { file: '/x/b.dcm' } },
        },
      ],
    });
    expect(await readRunFolder(dir)).toMatchObject({
      command: 'features',
      done: 2,
      failedSeries: 1,
      failures: [{ series: 'uid-b', file: '/x/b.dcm', code: 'decode-failed', reason: 'truncated' }],
      complete: false,
    });
    await writeFile(join(dir, 'features.jsonl'), '');
    expect((await readRunFolder(dir))?.complete).toBe(true);
    const { rows, truncated } = await featureRows(dir, 10);
    expect(truncated).toBe(false);
    expect(rows).toEqual([
      expect.objectContaining({ series: 'uid-a', roi: 'whole', ibsiCode: 'Q4LE', value: 1.5 }),
      expect.objectContaining({ ibsiCode: 'ECT3', value: null }),
    ]);
    expect((await featureRows(dir, 1)).truncated).toBe(true);
  });

  it('a folder without run.json is no run', async () => {
    expect(await readRunFolder(await folder(null, {}))).toBeNull();
  });
});

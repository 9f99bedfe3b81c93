// `consilium analyze --filter`: the bundle gets one whole-image row per filter beside the
// unfiltered one, from the flags or the params file; a bad filter stops the run before any work.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../core/bundle/verifyBundle.ts';
import { demoSliceFile, newDemoContext } from '../core/dicom/demo/demoSeries.ts';
import { analyzeCommand } from './analyze.ts';
import { captureCommand } from './io/testing/captureCommand.ts';

async function demoDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'consilium-analyze-filter-'));
  const ctx = newDemoContext({ slices: 4, size: 32 });
  for (let k = 0; k < 4; k++) {
    const f = demoSliceFile(ctx, k);
    await writeFile(join(dir, f.name), f.bytes);
  }
  return dir;
}

async function rows(zip: string) {
  const v = await verifyBundle(new Uint8Array(await readFile(zip)));
  if (!v.ok) throw new Error(v.error.reason);
  return v.bundle.manifest.results.features.map((f) => [f.roi, f.params.filter]);
}

describe('consilium analyze --filter', () => {
  it('adds a filtered whole-image row per filter, from the flags or the params file', async () => {
    const dir = await demoDir();
    const out = join(dir, 'flags.zip');
    const args = [dir, '--no-model', '--jobs', '1', '--out', out];
    const r = await captureCommand(analyzeCommand, [
      ...args,
      '--filter',
      'log:sigma=2',
      '--filter',
      'mean:support=3,2d',
    ]);
    expect(r.out).toContain('1 series analysed');
    expect(r.code).toBe(0);
    const log = 'log:sigma=2,truncate=4,boundary=mirror,dims=3';
    const mean = 'mean:support=3,boundary=mirror,dims=2';
    expect(await rows(out)).toEqual([
      ['whole-image', undefined],
      [`whole-image [${log}]`, log],
      [`whole-image [${mean}]`, mean],
    ]);

    const params = join(dir, 'params.json');
    await writeFile(params, JSON.stringify({ filters: ['log:sigma=2'] }));
    const fromFile = join(dir, 'file.zip');
    const f = await captureCommand(analyzeCommand, [
      dir,
      '--no-model',
      '--jobs',
      '1',
      '--params',
      params,
      '--out',
      fromFile,
    ]);
    expect(f.code).toBe(0);
    expect(await rows(fromFile)).toEqual([
      ['whole-image', undefined],
      [`whole-image [${log}]`, log],
    ]);
  });

  it('refuses a bad filter by name before reading any series', async () => {
    const dir = await demoDir();
    const r = await captureCommand(analyzeCommand, [
      dir,
      '--no-model',
      '--out',
      join(dir, 'x.zip'),
      '--filter',
      'laws:kernel=Q5',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--filter laws:kernel=Q5');
    expect(r.out).toBe('');
  });
});

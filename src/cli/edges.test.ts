// `consilium edges` on a demo CT slice: the option parser, and the Result record it prints.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { demoSliceFile, newDemoContext } from '../core/dicom/demo/demoSeries.ts';
import { parseEdgesArgs } from './edgesArgs.ts';

const run = promisify(execFile);

describe('consilium edges options', () => {
  it('defaults to percentile thresholds 80/95 and sigma 1.4, and reads negative values', () => {
    expect(parseEdgesArgs(['a.dcm', '--out', 'e.png'])).toEqual({
      file: 'a.dcm',
      out: 'e.png',
      magnitudeOut: null,
      frame: 1,
      options: { sigma: 1.4, low: 80, high: 95, thresholds: 'percentile' },
    });
    const a = parseEdgesArgs(['a.dcm', '--out', 'e.png', '--low', '-5', '--high', '40']);
    expect(a.options).toMatchObject({ low: -5, high: 40, thresholds: 'absolute' });
    expect(parseEdgesArgs(['a.dcm', '--out', 'e', '--window', '-100,200']).options.window).toEqual([
      -100, 200,
    ]);
  });

  it('explains a bad command line', () => {
    expect(() => parseEdgesArgs(['a.dcm'])).toThrow('Give --out');
    expect(() => parseEdgesArgs(['a.dcm', 'b.dcm', '--out', 'e'])).toThrow('exactly one');
    expect(() => parseEdgesArgs(['a', '--out', 'e', '--low', '1'])).toThrow(
      'both --low and --high',
    );
    expect(() => parseEdgesArgs(['a', '--out', 'e', '--low', '1', '--high-pct', '9'])).toThrow(
      '--low/--high or --low-pct/--high-pct',
    );
    expect(() => parseEdgesArgs(['a', '--out', 'e', '--low-pct', '99'])).toThrow('must not exceed');
    expect(() => parseEdgesArgs(['a', '--out', 'e', '--sigma', 'x'])).toThrow('--sigma needs');
  });
});

describe('consilium edges', () => {
  it('writes the edge PNG of a zipped slice and prints a Result record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-edges-'));
    const slice = demoSliceFile(newDemoContext({ slices: 2, size: 32 }), 0).bytes;
    await writeFile(join(dir, 'one.zip'), zipSync({ 'slice.dcm': slice }));
    const out = join(dir, 'edges.png');
    const { stdout } = await run(process.execPath, [
      'bin/consilium.mjs',
      'edges',
      join(dir, 'one.zip'),
      '--out',
      out,
    ]);
    const record = JSON.parse(stdout);
    expect(record).toMatchObject({
      ok: true,
      value: { file: join(dir, 'one.zip/slice.dcm'), width: 32, height: 32, out },
    });
    expect(record.value.edgePixels).toBeGreaterThan(0);
    // PNG signature
    expect([...(await readFile(out)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    await writeFile(join(dir, 'notes.txt'), 'no image here\n');
    const bad: { code?: number; stdout: string } = await run(process.execPath, [
      'bin/consilium.mjs',
      'edges',
      join(dir, 'notes.txt'),
      '--out',
      out,
    ]).catch((e: { code: number; stdout: string }) => e);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      ok: false,
      error: {
        code: 'not-dicom',
        reason: expect.any(String),
        params: { file: join(dir, 'notes.txt') },
      },
    });
  });
});

// `consilium inspect --json` over a folder holding a DICOM file, a zip of two, OS clutter and a
// text file: one Result record per file, zip members named archive.zip/member.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { demoSliceFile, newDemoContext } from '../core/dicom/demo/demoSeries.ts';

const run = promisify(execFile);

describe('consilium inspect', () => {
  it('prints one Result record per file, opening zips and skipping OS clutter', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-inspect-'));
    const ctx = newDemoContext({ slices: 3, size: 32 });
    const [s0, s1, s2] = [0, 1, 2].map((k) => demoSliceFile(ctx, k).bytes);
    await writeFile(join(dir, 'a.dcm'), s0);
    await writeFile(join(dir, 'b.zip'), zipSync({ 'one.dcm': s1, 'two.dcm': s2 }));
    await writeFile(join(dir, '.DS_Store'), new Uint8Array(16));
    await writeFile(join(dir, 'c.txt'), 'notes\n');
    const { stdout } = await run(process.execPath, ['bin/consilium.mjs', 'inspect', dir, '--json']);
    const records = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => (r.ok ? r.value.file : r.error.params.file))).toEqual([
      join(dir, 'a.dcm'),
      join(dir, 'b.zip/one.dcm'),
      join(dir, 'b.zip/two.dcm'),
      join(dir, 'c.txt'),
    ]);
    expect(records[1]).toEqual({
      ok: true,
      value: expect.objectContaining({ modality: 'CT', rows: 32, columns: 32, frames: 1 }),
    });
    expect(records[3]).toEqual({
      ok: false,
      error: {
        code: 'not-dicom',
        reason: expect.any(String),
        params: { file: join(dir, 'c.txt') },
      },
    });
  });

  it('refuses an unknown option with its usage and exit code 2', async () => {
    const r: { code?: number; stderr: string } = await run(process.execPath, [
      'bin/consilium.mjs',
      'inspect',
      'x.dcm',
      '--jsno',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--jsno'");
    expect(r.stderr).toContain('Usage: consilium inspect');
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSliceFile, newDemoContext } from '../../core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../../core/dicom/parse.ts';
import type { Result } from '../../core/result.ts';
import { walkInputs, type InputFile } from './walkInputs.ts';

async function all(paths: string[]): Promise<Result<InputFile>[]> {
  const out: Result<InputFile>[] = [];
  for await (const r of walkInputs(paths)) out.push(r);
  return out;
}

describe('walkInputs', () => {
  let dir: string;
  const ctx = newDemoContext({ slices: 3, size: 32 });
  const slices = [0, 1, 2].map((k) => demoSliceFile(ctx, k).bytes);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'consilium-walk-'));
    await mkdir(join(dir, 'study', '__MACOSX'), { recursive: true });
    await writeFile(join(dir, 'study', 'b-slice.dcm'), slices[0]);
    await writeFile(
      join(dir, 'study', 'a-archive.zip'),
      zipSync({ 'one.dcm': slices[1], 'sub/two.dcm': slices[2], '.DS_Store': new Uint8Array(8) }),
    );
    await writeFile(
      join(dir, 'study', '.DS_Store'),
      new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]),
    );
    await writeFile(join(dir, 'study', '._b-slice.dcm'), new Uint8Array(4096));
    await writeFile(join(dir, 'study', '__MACOSX', 'junk'), 'resource fork');
    await writeFile(join(dir, 'study', 'c-notes.txt'), 'not an image\n');
    // A file that starts like a zip but is not one.
    await writeFile(join(dir, 'study', 'd-broken.zip'), new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('opens folders in name order, zip members as archive/member, and skips OS clutter', async () => {
    const study = join(dir, 'study');
    const found = await all([study, join(dir, 'missing')]);
    const names = found.map((r) => (r.ok ? r.value.file : `ERROR ${r.error.params.file}`));
    expect(names).toEqual([
      join(study, 'a-archive.zip/one.dcm'),
      join(study, 'a-archive.zip/sub/two.dcm'),
      join(study, 'b-slice.dcm'),
      join(study, 'c-notes.txt'),
      `ERROR ${join(study, 'd-broken.zip')}`,
      `ERROR ${join(dir, 'missing')}`,
    ]);
    const broken = found[4];
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatchObject({ code: 'read-failed' });
    const missing = found[5];
    if (!missing.ok)
      expect(missing.error).toEqual({
        code: 'read-failed',
        reason: 'no such file or folder',
        params: { file: join(dir, 'missing') },
      });
  });

  it('gives each file its own bytes: the DICOM files (zipped or not) parse as the demo slices', async () => {
    const found = await all([join(dir, 'study')]);
    const files = found.flatMap((r) => (r.ok ? [r.value] : []));
    expect(files.map((f) => f.bytes)).toEqual([slices[1], slices[2], slices[0], expect.anything()]);
    const parsed = files.map((f) => parseInstance(f.bytes, f.file));
    expect(parsed.map((p) => p.ok)).toEqual([true, true, true, false]);
    expect(parsed.flatMap((p) => (p.ok ? [p.meta.seriesInstanceUID] : []))).toEqual([
      ctx.seriesInstanceUID,
      ctx.seriesInstanceUID,
      ctx.seriesInstanceUID,
    ]);
    const notes = parsed[3];
    if (!notes.ok) expect(notes.error.code).toBe('not-dicom');
  });

  it('reads a file named directly, even when it is not DICOM', async () => {
    const found = await all([join(dir, 'study', 'c-notes.txt')]);
    expect(found).toHaveLength(1);
    expect(found[0].ok && new TextDecoder().decode(found[0].value.bytes)).toBe('not an image\n');
  });
});

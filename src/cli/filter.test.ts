// `consilium filter`: its options, and the NIfTI it writes for a small volume, checked against
// the core filter on the same voxels.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { filterResponse } from '../core/filters/applyFilter.ts';
import { niftiBytes } from '../core/filters/niftiWrite.ts';
import { parseFilterSpec } from '../core/filters/spec.ts';
import { randomVolume } from '../core/filters/testing.ts';
import { readNifti } from '../core/masks/nifti.ts';
import { parseFilterArgs } from './filter.ts';

const run = promisify(execFile);

describe('consilium filter options', () => {
  it('takes the filter as flags or as one spec, flags winning', () => {
    const a = parseFilterArgs([
      'x.nii',
      '--filter',
      'log',
      '--sigma',
      '3',
      '--boundary',
      'zero',
      '--2d',
      '--out',
      'o.nii',
    ]);
    expect(a.spec).toEqual(parseFilterSpec('log:sigma=3,boundary=zero,2d'));
    const b = parseFilterArgs([
      'x.nii',
      '--filter',
      'laws:kernel=E5L5S5,delta=7',
      '--rotation-invariant',
      '--out',
      'o',
    ]);
    expect(b.spec).toMatchObject({
      filter: 'laws',
      kernel: 'E5L5S5',
      energyDelta: 7,
      rotationInvariant: true,
      pooling: 'max',
    });
    expect(
      parseFilterArgs(['x', '--filter', 'log:sigma=1', '--sigma', '2', '--out', 'o']).spec,
    ).toMatchObject({ sigmaMm: 2 });
  });

  it('explains a bad command line and a bad filter', () => {
    expect(() => parseFilterArgs(['x', '--filter', 'log', '--sigma', '1'])).toThrow('--out');
    expect(() => parseFilterArgs(['x', '--filter', 'blur', '--out', 'o'])).toThrow(
      'no filter "blur"',
    );
    expect(() => parseFilterArgs(['x', '--filter', 'log', '--sigma', '-1', '--out', 'o'])).toThrow(
      'greater than 0',
    );
  });
});

describe('consilium filter', () => {
  it('writes the response map as NIfTI on the input grid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-filter-'));
    const img = randomVolume([9, 8, 7], 5);
    const affineLps: [number, number, number, number][] = [
      [-1.5, 0, 0, 3],
      [0, -1.5, 0, 4],
      [0, 0, 2, -5],
    ];
    await writeFile(
      join(dir, 'in.nii.gz'),
      niftiBytes({ dims: img.dims, values: img.values, affineLps }, true),
    );
    const out = join(dir, 'out.nii.gz');
    const argv = [
      'bin/consilium.mjs',
      'filter',
      join(dir, 'in.nii.gz'),
      '--filter',
      'wavelet',
      '--wavelet',
      'db2',
    ];
    const { stdout } = await run(process.execPath, [
      ...argv,
      '--response',
      'LHL',
      '--boundary',
      'zero',
      '--out',
      out,
      '--json',
    ]);
    const record = JSON.parse(stdout);
    expect(record).toMatchObject({
      ok: true,
      value: {
        filter: 'wavelet:wavelet=db2,level=1,response=LHL,boundary=zero,dims=3',
        dims: [9, 8, 7],
        out,
      },
    });
    const back = readNifti(await readFile(out), out);
    const expected = filterResponse(
      { ...img, spacingMm: [1.5, 1.5, 2] },
      parseFilterSpec('wavelet:wavelet=db2,response=LHL,boundary=zero'),
    );
    expect(back.values).toEqual(expected);
    expect(back.affineLps.map((r) => r.map((v) => v + 0))).toEqual(affineLps);
  });

  it('prints one problem record for a 3D filter on a single slice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-filter-'));
    const img = randomVolume([9, 8, 1], 5);
    const affineLps: [number, number, number, number][] = [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ];
    await writeFile(
      join(dir, 'one.nii'),
      niftiBytes({ dims: img.dims, values: img.values, affineLps }, false),
    );
    const argv = [
      'bin/consilium.mjs',
      'filter',
      join(dir, 'one.nii'),
      '--filter',
      'log',
      '--sigma',
      '2',
      '--out',
      join(dir, 'o.nii'),
      '--json',
    ];
    const err = await run(process.execPath, argv).catch((e: { code: number; stdout: string }) => e);
    expect('code' in err && err.code).toBe(1);
    expect(JSON.parse(err.stdout)).toMatchObject({
      ok: false,
      error: { code: 'filter-needs-volume' },
    });
  });
});

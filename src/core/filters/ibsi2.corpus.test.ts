// IBSI 2 phase 1: every test of ../shared/data/ibsi2/tests.tsv run as `consilium filter` runs it
// (NIfTI in, options as the command's flags, NIfTI bytes out) and compared with the consensus
// response map by IBSI's rule: every voxel within 1 % of the reference map's range.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNifti } from '../masks/nifti.ts';
import { filteredNifti } from './niftiFilter.ts';
import { parseFilterOptions, type FilterOptions } from './spec.ts';

const dir = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'ibsi2');

/** The command-line flags of each test, read off the IBSI 2 manual's table. */
const flags: Record<string, FilterOptions> = {
  '1.a.1': { filter: 'mean', support: '15', boundary: 'zero' },
  '1.a.2': { filter: 'mean', support: '15', boundary: 'nearest' },
  '1.a.3': { filter: 'mean', support: '15', boundary: 'periodic' },
  '1.a.4': { filter: 'mean', support: '15', boundary: 'mirror' },
  '1.b.1': { filter: 'mean', support: '15', boundary: 'zero', '2d': true },
  '2.a': { filter: 'log', sigma: '3', boundary: 'zero' },
  '2.b': { filter: 'log', sigma: '5', boundary: 'mirror' },
  '2.c': { filter: 'log', sigma: '5', boundary: 'mirror', '2d': true },
  '3.a.1': { filter: 'laws', kernel: 'E5L5S5', boundary: 'zero' },
  '3.a.2': {
    filter: 'laws',
    kernel: 'E5L5S5',
    boundary: 'zero',
    'rotation-invariant': true,
    pooling: 'max',
  },
  '3.a.3': {
    filter: 'laws',
    kernel: 'E5L5S5',
    boundary: 'zero',
    'rotation-invariant': true,
    pooling: 'max',
    delta: '7',
  },
  '3.b.1': { filter: 'laws', kernel: 'E3W5R5', boundary: 'mirror' },
  '3.b.2': {
    filter: 'laws',
    kernel: 'E3W5R5',
    boundary: 'mirror',
    'rotation-invariant': true,
    pooling: 'max',
  },
  '3.b.3': {
    filter: 'laws',
    kernel: 'E3W5R5',
    boundary: 'mirror',
    'rotation-invariant': true,
    pooling: 'max',
    delta: '7',
  },
  '3.c.1': { filter: 'laws', kernel: 'L5S5', boundary: 'mirror', '2d': true },
  '3.c.2': {
    filter: 'laws',
    kernel: 'L5S5',
    boundary: 'mirror',
    '2d': true,
    'rotation-invariant': true,
    pooling: 'max',
  },
  '3.c.3': {
    filter: 'laws',
    kernel: 'L5S5',
    boundary: 'mirror',
    '2d': true,
    'rotation-invariant': true,
    pooling: 'max',
    delta: '7',
  },
  '4.a.1': {
    filter: 'gabor',
    sigma: '10',
    lambda: '4',
    gamma: '0.5',
    theta: '60',
    boundary: 'zero',
  },
  '4.a.2': {
    filter: 'gabor',
    sigma: '10',
    lambda: '4',
    gamma: '0.5',
    'theta-step': '45',
    'rotation-invariant': true,
    pooling: 'average',
    planes: 'orthogonal',
    boundary: 'zero',
  },
  '4.b.1': {
    filter: 'gabor',
    sigma: '20',
    lambda: '8',
    gamma: '2.5',
    theta: '225',
    boundary: 'mirror',
  },
  '4.b.2': {
    filter: 'gabor',
    sigma: '20',
    lambda: '8',
    gamma: '2.5',
    'theta-step': '22.5',
    'rotation-invariant': true,
    pooling: 'average',
    planes: 'orthogonal',
    boundary: 'mirror',
  },
  '5.a.1': { filter: 'wavelet', wavelet: 'db2', level: '1', response: 'LHL', boundary: 'zero' },
  '5.a.2': {
    filter: 'wavelet',
    wavelet: 'db2',
    level: '1',
    response: 'LHL',
    boundary: 'zero',
    'rotation-invariant': true,
    pooling: 'average',
  },
  '6.a.1': {
    filter: 'wavelet',
    wavelet: 'coif1',
    level: '1',
    response: 'HHL',
    boundary: 'periodic',
  },
  '6.a.2': {
    filter: 'wavelet',
    wavelet: 'coif1',
    level: '1',
    response: 'HHL',
    boundary: 'periodic',
    'rotation-invariant': true,
    pooling: 'average',
  },
  '7.a.1': {
    filter: 'wavelet',
    wavelet: 'haar',
    level: '2',
    response: 'LLL',
    boundary: 'mirror',
    'rotation-invariant': true,
    pooling: 'average',
  },
  '7.a.2': {
    filter: 'wavelet',
    wavelet: 'haar',
    level: '2',
    response: 'HHH',
    boundary: 'mirror',
    'rotation-invariant': true,
    pooling: 'average',
  },
  '8.a.1': { filter: 'simoncelli', level: '1', boundary: 'periodic' },
  '8.a.2': { filter: 'simoncelli', level: '2', boundary: 'periodic' },
  '8.a.3': { filter: 'simoncelli', level: '3', boundary: 'periodic' },
  '9.a': { filter: 'riesz-log', sigma: '3', order: '1,0,0', boundary: 'zero' },
  '9.b.1': { filter: 'riesz-log', sigma: '3', order: '0,2,0', boundary: 'zero' },
  '10.a': { filter: 'riesz-simoncelli', level: '1', order: '1,0,0', boundary: 'zero' },
  '10.b.1': { filter: 'riesz-simoncelli', level: '1', order: '0,2,0', boundary: 'nearest' },
};

interface Row {
  id: string;
  phantom: string;
  reference: string;
  status: string;
  tolerance: number;
}

function rows(): Row[] {
  const lines = readFileSync(join(dir, 'tests.tsv'), 'utf8').trim().split('\n');
  const head = lines[0].split('\t');
  const col = (name: string) => head.indexOf(name);
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    return {
      id: c[col('test_id')],
      phantom: c[col('phantom')],
      reference: c[col('reference_file')],
      status: c[col('status')],
      tolerance: Number(c[col('abs_tolerance')]),
    };
  });
}

const present = existsSync(join(dir, 'tests.tsv'));
const results: string[] = [];

describe.skipIf(!present)('IBSI 2 phase-1 response maps', () => {
  const all = present ? rows() : [];

  it('has the 36 tests: 30 core, 3 provisional, 3 without a reference', () => {
    expect(all).toHaveLength(36);
    expect(all.filter((r) => r.status === 'core')).toHaveLength(30);
    expect(all.filter((r) => r.status === 'provisional')).toHaveLength(3);
  });

  for (const row of all) {
    const run = row.status === 'no_reference' && !flags[row.id] ? it.skip : it;
    run(`${row.id} (${row.status}) ${row.phantom}`, { timeout: 240_000 }, () => {
      const image = readNifti(
        readFileSync(join(dir, 'nifti', row.phantom, 'image', `${row.phantom}.nii.gz`)),
        row.phantom,
      );
      const written = filteredNifti(image, parseFilterOptions(flags[row.id]), true);
      const got = readNifti(written, `${row.id}.nii.gz`);
      expect(got.dims).toEqual(image.dims);
      if (row.status === 'no_reference') {
        expect(got.values.every(Number.isFinite)).toBe(true);
        return;
      }
      const ref = readNifti(readFileSync(join(dir, row.reference)), row.reference).values;
      let lo = Infinity;
      let hi = -Infinity;
      let worst = 0;
      for (let i = 0; i < ref.length; i++) {
        lo = Math.min(lo, ref[i]);
        hi = Math.max(hi, ref[i]);
        worst = Math.max(worst, Math.abs(ref[i] - got.values[i]));
      }
      const tolerance = 0.01 * (hi - lo);
      results.push(
        `${row.id} ${row.status}: max |Δ| ${worst.toPrecision(3)}, ${(worst / tolerance).toFixed(3)} of the tolerance`,
      );
      expect(tolerance).toBeCloseTo(row.tolerance, 2);
      expect(worst).toBeLessThanOrEqual(tolerance);
    });
  }

  it.runIf(all.length > 0)('reports the margins', () => {
    process.stdout.write(results.join('\n') + '\n');
  });
});

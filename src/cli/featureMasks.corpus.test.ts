// `consilium features` on the IBSI digital phantom as published (NIfTI image + NIfTI mask): the
// same records as from its DICOM series, in every aggregation, and the IBSI reference values.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureValue } from '../core/analysis/computeFeatures.ts';
import {
  findReference,
  matchesReference,
  parseReferenceTsv,
} from '../core/analysis/ibsiReference.ts';
import { directionalAggregations } from '../core/analysis/texture/aggregate.ts';

const dir = '../shared/data/ibsi';
const rows = parseReferenceTsv(readFileSync(`${dir}/reference.tsv`, 'utf8'));

interface Line {
  ok: boolean;
  value: { roiVoxels: number; dims: number[]; spacingMm: number[]; features: FeatureValue[] };
}

function run(image: string, mask: string, aggregation: string): Line[] {
  const out = spawnSync(
    'node',
    [
      'bin/consilium.mjs',
      'features',
      image,
      '--mask',
      mask,
      '--aggregation',
      aggregation,
      '--bin-width',
      '1', // bins of 1 from the ROI minimum (1) keep the phantom's grey levels
      '--json',
      '--jobs',
      '1',
    ],
    { encoding: 'utf8' },
  );
  return out.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

describe('consilium features on the IBSI phantom as NIfTI', () => {
  it.each(directionalAggregations)(
    '%s: the NIfTI image and mask give the DICOM series’ values, and IBSI’s',
    (aggregation) => {
      const nifti = run(`${dir}/phantom.nii.gz`, `${dir}/mask.nii.gz`, aggregation);
      const dicom = run(`${dir}/dicom/image`, `${dir}/dicom/mask`, aggregation);
      expect(nifti.every((l) => l.ok)).toBe(true);
      expect(nifti).toHaveLength(dicom.length);
      const values = (lines: Line[]) =>
        lines.map((l) => l.value.features.map((f) => [f.ibsiCode, f.aggregation, f.value]));
      expect(values(nifti)).toEqual(values(dicom));
      expect(nifti[0].value.dims).toEqual([5, 4, 4]);
      expect(nifti[0].value.spacingMm).toEqual([2, 2, 2]);
      if (nifti.length !== 1) return; // per-slice records have no reference values
      expect(nifti[0].value.roiVoxels).toBe(74);
      const mismatches: string[] = [];
      let checked = 0;
      for (const f of nifti[0].value.features) {
        const row = findReference(rows, f);
        if (!row) continue;
        checked++;
        if (!matchesReference(f.value, row))
          mismatches.push(`${f.name} ${f.ibsiCode}: ${f.value} vs ${row.value}`);
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(50);
    },
    60_000,
  );
});

// A result as CSV: one row per feature, with where it came from and the parameters alongside.
import { canonicalJson } from '../../core/crypto/canonicalJson.ts';
import { displayUnit } from './formatValue.ts';
import type { AnalysisResult } from './types.ts';

function cell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function featuresCsv(results: readonly AnalysisResult[], modality: string): string {
  const head = [
    'roi',
    'slice',
    'family',
    'name',
    'ibsi_code',
    'aggregation',
    'value',
    'unit',
    'roi_voxels',
    'params',
  ];
  const lines = [head.join(',')];
  for (const r of results)
    for (const f of r.features)
      lines.push(
        [
          r.roiName,
          r.slice || 'series',
          f.family,
          f.name,
          f.ibsiCode,
          f.aggregation,
          String(f.value),
          displayUnit(f.unit, modality),
          r.roiVoxels,
          canonicalJson(r.params),
        ]
          .map(cell)
          .join(','),
      );
  return lines.join('\n') + '\n';
}

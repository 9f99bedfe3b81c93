// A result as CSV: one row per feature, with where it came from and the parameters alongside.
import { csvCell } from '../../core/bundle/csv.ts';
import { canonicalJson } from '../../core/crypto/canonicalJson.ts';
import { displayUnit } from './formatValue.ts';
import type { AnalysisResult } from './types.ts';

// Numbers as printed (NaN included); text by the bundle CSVs' rule, so that a ROI named "=1+1"
// is written '=1+1 and no spreadsheet runs it.
function cell(v: string | number): string {
  return typeof v === 'number' ? String(v) : csvCell(v);
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
          f.value,
          displayUnit(f.unit, modality),
          r.roiVoxels,
          canonicalJson(r.params),
        ]
          .map(cell)
          .join(','),
      );
  return lines.join('\n') + '\n';
}

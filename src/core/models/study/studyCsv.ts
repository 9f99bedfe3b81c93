// The study table as CSV: case key, center, ROI, label, then one column per pooled feature headed
// "name [code]". Written by the bundle's CSV rules (formula-like text defused, exact numbers).
import { renderCsv } from '../../bundle/csv.ts';
import type { StudyTable } from './studyTable.ts';

export function studyCsv(table: StudyTable): string {
  return renderCsv({
    header: [
      'caseKey',
      'center',
      'roi',
      'label',
      ...table.features.map((f) => `${f.name} [${f.code}]`),
    ],
    rows: table.rows.map((r) => [r.caseKey, r.center, r.roi, r.label ?? '', ...r.values]),
  });
}

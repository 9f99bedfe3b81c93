// Structure-aware edits of a bundle's CSV members: cells that a spreadsheet would run, quotes
// and line breaks, numbers readers parse differently, columns and rows added, dropped, moved.
import fc from 'fast-check';
import { index } from './mutate';

const CELLS = [
  '=HYPERLINK("http://x","y")',
  '+1',
  '-1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '"',
  '"a""b"',
  '"a,b"',
  '"line\nbreak"',
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '0x10',
  ' 1',
  '1 ',
  '１',
  'e\u0301',
  '\u00e9',
  '\u202e',
  'null',
  'true',
  '1,5',
  '00000000000000000000000000000000',
];

export type CsvEdit =
  | { readonly op: 'cell'; readonly row: number; readonly col: number; readonly value: string }
  | { readonly op: 'addColumn'; readonly at: number; readonly header: string }
  | { readonly op: 'dropColumn'; readonly at: number }
  | { readonly op: 'swapColumns'; readonly a: number; readonly b: number }
  | { readonly op: 'addRow'; readonly copy: number }
  | { readonly op: 'dropRow'; readonly at: number }
  | { readonly op: 'lineEnd'; readonly ending: '\r\n' | '\r' | '' }
  | { readonly op: 'bom' };

export const csvEdit: fc.Arbitrary<CsvEdit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('cell' as const),
      row: index,
      col: index,
      value: fc.constantFrom(...CELLS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('addColumn' as const),
      at: index,
      header: fc.constantFrom('extra', 'caseKey', 'Mean [Q4LE]', '=1', ''),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropColumn' as const), at: index }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('swapColumns' as const), a: index, b: index }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addRow' as const), copy: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropRow' as const), at: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('lineEnd' as const),
      ending: fc.constantFrom('\r\n' as const, '\r' as const, '' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
);

/** Applies the edits to CSV text split naively on commas (the writer's own CSVs quote nothing). */
export function applyCsvEdits(text: string, edits: readonly CsvEdit[]): string {
  const rows = text
    .replace(/\n$/, '')
    .split('\n')
    .map((r) => r.split(','));
  let ending = '\n';
  let bom = '';
  const width = () => Math.max(1, ...rows.map((r) => r.length));
  for (const e of edits) {
    switch (e.op) {
      case 'cell': {
        const row = rows[e.row % rows.length];
        row[e.col % Math.max(1, row.length)] = e.value;
        break;
      }
      case 'addColumn': {
        const at = e.at % (width() + 1);
        rows.forEach((r, i) => r.splice(at, 0, i === 0 ? e.header : '1'));
        break;
      }
      case 'dropColumn': {
        const at = e.at % width();
        rows.forEach((r) => r.splice(at, 1));
        break;
      }
      case 'swapColumns': {
        const [a, b] = [e.a % width(), e.b % width()];
        for (const r of rows) [r[a], r[b]] = [r[b], r[a]];
        break;
      }
      case 'addRow':
        rows.push([...rows[e.copy % rows.length]]);
        break;
      case 'dropRow':
        if (rows.length > 1) rows.splice(e.at % rows.length, 1);
        break;
      case 'lineEnd':
        ending = e.ending;
        break;
      case 'bom':
        bom = '\ufeff';
        break;
    }
  }
  return bom + rows.map((r) => r.join(',')).join(ending) + ending;
}

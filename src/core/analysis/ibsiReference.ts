// The IBSI reference table (reference.tsv) and the IBSI match rule: a computed value matches
// when, rounded to three significant digits, it lies within the tolerance of the reference.
import type { FeatureValue } from './computeFeatures';

export interface ReferenceRow {
  feature: string;
  ibsiCode: string;
  aggregationCode: string;
  value: number;
  tolerance: number;
}

export function parseReferenceTsv(text: string): ReferenceRow[] {
  const [header, ...lines] = text.trim().split('\n');
  const cols = header.split('\t');
  const at = (name: string): number => cols.indexOf(name);
  return lines.map((line) => {
    const f = line.split('\t');
    return {
      feature: f[at('feature')],
      ibsiCode: f[at('ibsi_code')],
      aggregationCode: f[at('aggregation_code')],
      value: Number(f[at('value')]),
      tolerance: Number(f[at('tolerance')]),
    };
  });
}

export function roundSignificant(x: number, digits = 3): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}

export function matchesReference(computed: number, row: ReferenceRow): boolean {
  // A small epsilon absorbs binary floating point error in the tolerance itself.
  return Math.abs(roundSignificant(computed) - row.value) <= row.tolerance + 1e-9;
}

/** The reference row for a computed feature; non-texture rows carry DHQ4 as aggregation. */
export function findReference(
  rows: readonly ReferenceRow[],
  f: FeatureValue,
): ReferenceRow | undefined {
  const agg = f.aggregation === '' ? 'DHQ4' : f.aggregation;
  return rows.find(
    (r) => r.ibsiCode === f.ibsiCode && r.feature === f.name && r.aggregationCode === agg,
  );
}

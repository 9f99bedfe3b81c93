import { blandAltman, type BlandAltman } from '../stats/blandAltman';
import { icc, type IccResult } from '../stats/icc';
import { summarize, type Summary } from '../stats/quantiles';
import type { FeatureResult, Manifest } from './types';

export interface FeatureAgreement {
  readonly code: string;
  readonly name: string;
  readonly centers: readonly string[];
  /** Cases (caseKey + ROI) that every listed center measured. */
  readonly n: number;
  /** Whether every center used the same analysis parameters (same paramsHash) on these cases. */
  readonly sameParams: boolean;
  /** Absent with fewer than two shared cases. */
  readonly icc?: IccResult;
  /** Pairwise, first center minus second. */
  readonly blandAltman: readonly {
    readonly a: string;
    readonly b: string;
    readonly result: BlandAltman;
  }[];
}

export interface FeatureDistribution {
  readonly center: string;
  readonly code: string;
  readonly name: string;
  /** Over the cases no other center has. */
  readonly unmatched: Summary;
}

type Row = { readonly result: FeatureResult; readonly value: number };

function rowsByCase(manifest: Manifest, code: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const r of manifest.results.features) {
    const f = r.features.find((x) => x.code === code);
    if (f && f.value !== null && Number.isFinite(f.value))
      rows.set(`${r.caseKey}\u0000${r.roi}`, { result: r, value: f.value });
  }
  return rows;
}

export function featureNames(centers: readonly { manifest: Manifest }[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { manifest } of centers)
    for (const r of manifest.results.features)
      for (const f of r.features) if (!names.has(f.code)) names.set(f.code, f.name);
  return new Map([...names].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Agreement across centers on one feature over the cases they all measured. */
export function featureAgreement(
  centers: readonly { id: string; manifest: Manifest }[],
  code: string,
  name: string,
): FeatureAgreement | undefined {
  const present = centers
    .map((c) => ({ id: c.id, rows: rowsByCase(c.manifest, code) }))
    .filter((c) => c.rows.size > 0);
  if (present.length < 2) return undefined;
  const shared = [...present[0].rows.keys()]
    .filter((k) => present.every((c) => c.rows.has(k)))
    .sort();
  const hashes = new Set(
    shared.flatMap((k) => present.map((c) => c.rows.get(k)!.result.paramsHash)),
  );
  const table = shared.map((k) => present.map((c) => c.rows.get(k)!.value));
  const pairs: { a: string; b: string; result: BlandAltman }[] = [];
  if (shared.length >= 2) {
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        pairs.push({
          a: present[i].id,
          b: present[j].id,
          result: blandAltman(
            table.map((r) => r[i]),
            table.map((r) => r[j]),
          ),
        });
      }
    }
  }
  return {
    code,
    name,
    centers: present.map((c) => c.id),
    n: shared.length,
    sameParams: hashes.size <= 1,
    ...(shared.length >= 2 ? { icc: icc(table) } : {}),
    blandAltman: pairs,
  };
}

/** Each center's distribution of a feature over the cases that no other center measured. */
export function unmatchedDistributions(
  centers: readonly { id: string; manifest: Manifest }[],
  code: string,
  name: string,
): FeatureDistribution[] {
  const all = centers.map((c) => ({ id: c.id, rows: rowsByCase(c.manifest, code) }));
  const out: FeatureDistribution[] = [];
  for (const c of all) {
    const values = [...c.rows]
      .filter(([k]) => !all.some((o) => o !== c && o.rows.has(k)))
      .map(([, r]) => r.value);
    if (values.length > 0) out.push({ center: c.id, code, name, unmatched: summarize(values) });
  }
  return out;
}

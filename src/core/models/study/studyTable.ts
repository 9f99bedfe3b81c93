// Several centers' verified bundles as one study table: a row per case and ROI (case key, center,
// label), a column per feature. Only features computed with identical settings (one paramsHash
// over every row) are pooled; each feature left out is stated as a Problem, never dropped silently.
import type { JsonValue, Manifest } from '../../bundle/types.ts';
import { ProblemError, type Problem } from '../../result.ts';

export interface StudyFeature {
  readonly code: string;
  readonly name: string;
  /** The settings every pooled value was computed with. */
  readonly paramsHash: string;
}

export interface StudyRow {
  readonly caseKey: string;
  readonly center: string;
  readonly roi: string;
  readonly label?: string;
  /** One value per study feature, in `features` order. */
  readonly values: readonly number[];
}

export interface StudyTable {
  readonly features: readonly StudyFeature[];
  readonly rows: readonly StudyRow[];
  /** What was left out and why: features with differing settings or missing values, duplicates. */
  readonly notes: readonly Problem[];
  /** The settings every pooled value was computed with (a result's params without its ROI), so
   * a model trained on the table can compute the same features for a new series. */
  readonly settings?: { readonly [key: string]: JsonValue };
}

export interface StudySource {
  readonly center: string;
  readonly manifest: Manifest;
}

export interface StudyTableOptions {
  /** Labels by case key; they take precedence over the labels the bundles carry. */
  readonly labels?: Readonly<Record<string, string>>;
}

const problem = (code: string, reason: string, params: Problem['params']): Problem => ({
  code,
  reason,
  params,
});

export function studyTable(
  sources: readonly StudySource[],
  options: StudyTableOptions = {},
): StudyTable {
  const notes: Problem[] = [];
  type Raw = {
    caseKey: string;
    center: string;
    roi: string;
    label?: string;
    hash: string;
    params: Manifest['results']['features'][number]['params'];
    values: Map<string, number | null>;
  };
  const raws: Raw[] = [];
  const seen = new Set<string>();
  const names = new Map<string, string>();
  for (const { center, manifest } of sources) {
    for (const r of manifest.results.features) {
      const id = `${center}\u0000${r.caseKey}\u0000${r.roi}`;
      if (seen.has(id)) {
        notes.push(
          problem(
            'STUDY_DUPLICATE_CASE',
            `Case ${r.caseKey.slice(0, 12)}… (${r.roi}) appears twice from center "${center}"; the first is kept.`,
            { center, caseKey: r.caseKey, roi: r.roi },
          ),
        );
        continue;
      }
      seen.add(id);
      const values = new Map<string, number | null>();
      for (const f of r.features) {
        values.set(f.code, f.value);
        if (!names.has(f.code)) names.set(f.code, f.name);
      }
      const label = options.labels?.[r.caseKey] ?? r.label;
      raws.push({
        caseKey: r.caseKey,
        center,
        roi: r.roi,
        hash: r.paramsHash,
        params: r.params,
        values,
        ...(label !== undefined ? { label } : {}),
      });
    }
  }
  if (raws.length === 0)
    throw new ProblemError('STUDY_NO_CASES', 'The bundles hold no feature results to pool.', {
      bundles: sources.length,
    });

  const features: StudyFeature[] = [];
  for (const [code, name] of [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const hashes = new Map<string, Set<string>>();
    let missing = 0;
    for (const r of raws) {
      const v = r.values.get(code);
      if (v === undefined || v === null || !Number.isFinite(v)) {
        missing++;
        continue;
      }
      const centers = hashes.get(r.hash) ?? new Set<string>();
      centers.add(r.center);
      hashes.set(r.hash, centers);
    }
    if (hashes.size > 1) {
      const groups = [...hashes].map(([h, c]) => `${[...c].sort().join(', ')} (${h.slice(0, 8)})`);
      notes.push(
        problem(
          'STUDY_FEATURE_SETTINGS_DIFFER',
          `${name} [${code}] was computed with different settings (${groups.join(' vs ')}); it is not pooled.`,
          { feature: code, settings: hashes.size },
        ),
      );
      continue;
    }
    if (missing > 0) {
      notes.push(
        problem(
          'STUDY_FEATURE_MISSING',
          `${name} [${code}] has no value for ${missing} of ${raws.length} cases; it is not pooled.`,
          { feature: code, missing, cases: raws.length },
        ),
      );
      continue;
    }
    features.push({ code, name, paramsHash: [...hashes.keys()][0] });
  }
  if (features.length === 0)
    throw new ProblemError(
      'STUDY_NO_FEATURES',
      `No feature was computed with the same settings, with a value for every case, at every center; nothing can be pooled. ${notes.map((n) => n.reason).join(' ')}`,
      { cases: raws.length, problems: notes.length },
    );
  const pooledHash = features[0].paramsHash;
  const { roi: _roi, ...settings } = raws.find((r) => r.hash === pooledHash)!.params;
  return {
    features,
    settings,
    rows: raws.map((r) => ({
      caseKey: r.caseKey,
      center: r.center,
      roi: r.roi,
      ...(r.label !== undefined ? { label: r.label } : {}),
      values: features.map((f) => r.values.get(f.code) as number),
    })),
    notes,
  };
}

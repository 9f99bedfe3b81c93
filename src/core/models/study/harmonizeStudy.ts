// ComBat over a study table, with the center-effect figures before and after. Features with no
// spread at all are left out of harmonization (with a note); ones constant within a center are
// left unadjusted, as sva does (with a note). A saved fit can be applied instead of fitting.
import { ProblemError, type Problem } from '../../result.ts';
import { applyCombat, fitCombat, MIN_CASES_PER_CENTER } from '../harmonize/combat.ts';
import type { CombatFit, CombatMethod, CombatOptions } from '../harmonize/types.ts';
import type { CenterAucOptions } from '../stats/centerAuc.ts';
import { centerEffect, type CenterEffect } from '../stats/centerEffect.ts';
import type { StudyRow, StudyTable } from './studyTable.ts';

export interface HarmonizeOptions {
  readonly method?: CombatMethod;
  readonly meanOnly?: boolean;
  /** Preserve the label's effect (the label must be known for every case). */
  readonly covariate?: 'label';
  readonly referenceCenter?: string;
  /** Apply this saved fit instead of fitting one. */
  readonly apply?: CombatFit;
}

export interface StudyHarmonization {
  readonly table: StudyTable;
  readonly fit: CombatFit;
  /** Absent when the table has a single center (nothing to compare). */
  readonly before?: CenterEffect;
  readonly after?: CenterEffect;
  readonly notes: readonly Problem[];
}

/** Indicator columns of the label, first level (sorted) as the baseline, as R's model.matrix. */
export function labelCovariates(
  rows: readonly StudyRow[],
): NonNullable<CombatOptions['covariates']> {
  const unlabelled = rows.filter((r) => r.label === undefined).length;
  if (unlabelled > 0)
    throw new ProblemError(
      'STUDY_LABEL_MISSING',
      `${unlabelled} of ${rows.length} cases have no label; preserving the label needs one for every case (give --labels).`,
      { unlabelled, cases: rows.length },
    );
  const levels = [...new Set(rows.map((r) => r.label as string))].sort();
  if (levels.length < 2)
    throw new ProblemError(
      'STUDY_SINGLE_CLASS',
      `Every case has the label "${levels[0]}"; there is no label effect to preserve.`,
      { label: levels[0] },
    );
  return levels.slice(1).map((l) => ({
    name: `label=${l}`,
    values: rows.map((r) => (r.label === l ? 1 : 0)),
  }));
}

function figures(
  table: StudyTable,
  data: readonly (readonly number[])[],
  prepare?: CenterAucOptions['prepare'],
) {
  const centers = table.rows.map((r) => r.center);
  const counts = new Map<string, number>();
  for (const c of centers) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (counts.size < 2 || [...counts.values()].some((n) => n < 2)) return undefined;
  return centerEffect(
    data,
    centers,
    table.features.map((f) => f.code),
    prepare ? { prepare, aucData: table.rows.map((r) => r.values) } : {},
  );
}

export function harmonizeStudy(
  table: StudyTable,
  options: HarmonizeOptions = {},
): StudyHarmonization {
  const notes: Problem[] = [];
  const centers = [...new Set(table.rows.map((r) => r.center))].sort();
  if (!options.apply && centers.length < 2)
    throw new ProblemError(
      'STUDY_SINGLE_CENTER',
      `Harmonization needs cases from two or more centers; all ${table.rows.length} come from "${centers[0]}".`,
      { center: centers[0] ?? '' },
    );
  for (const c of centers) {
    const n = table.rows.filter((r) => r.center === c).length;
    if (n < MIN_CASES_PER_CENTER)
      throw new ProblemError(
        'COMBAT_TOO_FEW_CASES',
        `Center "${c}" has ${n} case; ComBat needs at least ${MIN_CASES_PER_CENTER} per center.`,
        { center: c, cases: n, minimum: MIN_CASES_PER_CENTER },
      );
  }
  if (options.apply) {
    const restricted = restrictToFit(table, options.apply, notes);
    return finish(restricted.table, options.apply, restricted.harmonized, notes);
  }
  // Features with no spread over the whole study carry no information and would divide by zero;
  // one constant within a center cannot be harmonized (sva leaves it unadjusted, which would keep
  // that center recognisable), so both are left out with a note.
  const keep = table.features.flatMap((f, g) => {
    const first = table.rows[0].values[g];
    if (table.rows.every((r) => r.values[g] === first)) {
      notes.push({
        code: 'STUDY_ZERO_VARIANCE',
        reason: `${f.name} [${f.code}] has the same value (${first}) in every case; it is left out.`,
        params: { feature: f.code },
      });
      return [];
    }
    const flat = centers.find((c) => {
      const v = table.rows.filter((r) => r.center === c).map((r) => r.values[g]);
      return v.every((x) => x === v[0]);
    });
    if (flat !== undefined) {
      notes.push({
        code: 'STUDY_CONSTANT_IN_CENTER',
        reason: `${f.name} [${f.code}] has one value in every case of center ${JSON.stringify(flat)}; ComBat cannot harmonize it, so it is left out.`,
        params: { feature: f.code, center: flat },
      });
      return [];
    }
    return [g];
  });
  const kept: StudyTable = {
    features: keep.map((g) => table.features[g]),
    rows: table.rows.map((r) => ({ ...r, values: keep.map((g) => r.values[g]) })),
    notes: table.notes,
  };
  const covariates = options.covariate === 'label' ? labelCovariates(kept.rows) : undefined;
  const comBatOptions: CombatOptions = {
    method: options.method ?? 'parametric',
    ...(options.meanOnly ? { meanOnly: true } : {}),
    ...(options.referenceCenter !== undefined ? { referenceBatch: options.referenceCenter } : {}),
  };
  const result = fitCombat(
    kept.rows.map((r) => r.values),
    kept.rows.map((r) => r.center),
    kept.features.map((f) => f.code),
    { ...comBatOptions, ...(covariates ? { covariates } : {}) },
  );
  const fit: CombatFit = { ...result.fit, settings: kept.features.map((f) => f.paramsHash) };
  // The center AUC after ComBat: ComBat fitted on each fold's training cases, applied to the rest.
  const rows = kept.rows.map((r) => r.values);
  const centerOf = kept.rows.map((r) => r.center);
  const pick = <T>(v: readonly T[], idx: readonly number[]) => idx.map((j) => v[j]);
  const refit = (train: readonly number[], test: readonly number[]) => {
    const foldFit = fitCombat(pick(rows, train), pick(centerOf, train), fit.features, {
      ...comBatOptions,
      ...(covariates
        ? { covariates: covariates.map((c) => ({ name: c.name, values: pick(c.values, train) })) }
        : {}),
    });
    const testCovariates = (covariates ?? []).map((c) => ({
      name: c.name,
      values: pick(c.values, test),
    }));
    return {
      train: foldFit.harmonized,
      test: applyCombat(foldFit.fit, pick(rows, test), pick(centerOf, test), testCovariates),
    };
  };
  for (const code of fit.unadjusted) {
    const f = kept.features.find((x) => x.code === code)!;
    notes.push({
      code: 'COMBAT_UNADJUSTED',
      reason: `${f.name} [${code}] is constant within a center; ComBat leaves it unadjusted (as sva does).`,
      params: { feature: code },
    });
  }
  return finish(kept, fit, result.harmonized, notes, refit);
}

function finish(
  table: StudyTable,
  fit: CombatFit,
  harmonized: number[][],
  notes: Problem[],
  refit?: CenterAucOptions['prepare'],
): StudyHarmonization {
  const before = figures(
    table,
    table.rows.map((r) => r.values),
  );
  const after = figures(table, harmonized, refit);
  return {
    table: {
      features: table.features,
      rows: table.rows.map((r, j) => ({ ...r, values: harmonized[j] })),
      notes: [...table.notes, ...notes],
    },
    fit,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    notes,
  };
}

/** The table's columns in the fit's order, checked against the fit's settings. */
function restrictToFit(
  table: StudyTable,
  fit: CombatFit,
  notes: Problem[],
): { table: StudyTable; harmonized: number[][] } {
  const columns = fit.features.map((code, k) => {
    const g = table.features.findIndex((f) => f.code === code);
    if (g < 0)
      throw new ProblemError(
        'COMBAT_FIT_FEATURE_MISSING',
        `The saved ComBat fit needs feature ${code}, which these bundles do not pool.`,
        { feature: code },
      );
    const want = fit.settings?.[k];
    if (want !== undefined && want !== table.features[g].paramsHash)
      throw new ProblemError(
        'COMBAT_FIT_SETTINGS_DIFFER',
        `Feature ${code} was computed with other settings (${table.features[g].paramsHash.slice(0, 8)}) than the saved fit's (${want.slice(0, 8)}).`,
        { feature: code },
      );
    return g;
  });
  for (const f of table.features)
    if (!fit.features.includes(f.code))
      notes.push({
        code: 'COMBAT_FIT_FEATURE_EXTRA',
        reason: `${f.name} [${f.code}] is not in the saved ComBat fit; it is left out.`,
        params: { feature: f.code },
      });
  const t: StudyTable = {
    features: columns.map((g) => table.features[g]),
    rows: table.rows.map((r) => ({ ...r, values: columns.map((g) => r.values[g]) })),
    notes: table.notes,
  };
  const covariates = fit.covariates.map((name) => {
    const label = name.startsWith('label=') ? name.slice('label='.length) : undefined;
    const unlabelled = t.rows.filter((r) => r.label === undefined).length;
    if (label === undefined || unlabelled > 0)
      throw new ProblemError(
        'STUDY_LABEL_MISSING',
        `The saved ComBat fit preserves "${name}"; ${unlabelled} of ${t.rows.length} cases have no label (give --labels).`,
        { covariate: name, unlabelled },
      );
    return { name, values: t.rows.map((r) => (r.label === label ? 1 : 0)) };
  });
  const harmonized = applyCombat(
    fit,
    t.rows.map((r) => r.values),
    t.rows.map((r) => r.center),
    covariates,
  );
  return { table: t, harmonized };
}

// ComBat (Johnson, Li & Rabinovic 2007) as R's sva::ComBat computes it: per feature, a linear
// model of center indicators and covariates standardizes the data; each center's additive and
// multiplicative effects are shrunk by empirical Bayes and removed. Matches sva 3.46 to 1e-6 on
// tools/models/make-combat-fixtures.R's fixture. The fit is kept so that a new center's cases can
// be harmonized against it later (applyCombat).
import { ProblemError } from '../../result.ts';
import {
  mean,
  nonparametric,
  parametric,
  parametricMeanOnly,
  priors,
  variance,
} from './empiricalBayes.ts';
import { fullRank, leastSquares } from './linear.ts';
import type {
  CombatBatchFit,
  CombatFit,
  CombatOptions,
  CombatResult,
  FeatureRows,
} from './types.ts';

/** Centers need two cases each: one case cannot show a center's spread. */
export const MIN_CASES_PER_CENTER = 2;

/** Batch levels in R's factor order for plain names (sorted). */
export function batchLevels(batch: readonly string[]): string[] {
  return [...new Set(batch)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function checkShape(data: FeatureRows, batch: readonly string[], features: readonly string[]) {
  if (data.length !== batch.length)
    throw new ProblemError(
      'COMBAT_SHAPE',
      `ComBat got ${data.length} cases but ${batch.length} center names.`,
      { cases: data.length, centers: batch.length },
    );
  data.forEach((row, j) => {
    if (row.length !== features.length)
      throw new ProblemError(
        'COMBAT_SHAPE',
        `Case ${j + 1} has ${row.length} feature values, expected ${features.length}.`,
        { case: j + 1, values: row.length, features: features.length },
      );
    row.forEach((v, g) => {
      if (!Number.isFinite(v))
        throw new ProblemError(
          'COMBAT_MISSING_VALUE',
          `Case ${j + 1} has no finite value for feature ${features[g]}; ComBat needs every value.`,
          { case: j + 1, feature: features[g] },
        );
    });
  });
}

function checkCovariates(options: CombatOptions, cases: number) {
  for (const c of options.covariates ?? [])
    if (c.values.length !== cases || c.values.some((v) => !Number.isFinite(v)))
      throw new ProblemError(
        'COMBAT_COVARIATE',
        `Covariate "${c.name}" needs a finite value for each of the ${cases} cases.`,
        { covariate: c.name },
      );
}

/** Feature-major copy of the chosen columns: out[g][j]. */
function byFeature(data: FeatureRows, columns: readonly number[]): Float64Array[] {
  return columns.map((g) => Float64Array.from(data, (row) => row[g]));
}

function constantWithin(values: Float64Array, rows: readonly number[]): boolean {
  return rows.length > 1 && rows.every((j) => values[j] === values[rows[0]]);
}

/**
 * Fits ComBat to `data` (cases × features) from centers `batch` and returns the harmonized data
 * with the fit. Features constant within a center are left as they are and listed in
 * `fit.unadjusted` (sva does the same).
 */
export function fitCombat(
  data: FeatureRows,
  batch: readonly string[],
  features: readonly string[],
  options: CombatOptions = {},
): CombatResult {
  checkShape(data, batch, features);
  checkCovariates(options, data.length);
  const method = options.method ?? 'parametric';
  const meanOnly = options.meanOnly ?? false;
  const levels = batchLevels(batch);
  if (levels.length < 2)
    throw new ProblemError(
      'COMBAT_SINGLE_CENTER',
      `ComBat needs cases from two or more centers; all ${data.length} come from "${levels[0] ?? ''}".`,
      { centers: levels.length },
    );
  const members = levels.map((l) => batch.flatMap((b, j) => (b === l ? [j] : [])));
  members.forEach((rows, i) => {
    if (rows.length < MIN_CASES_PER_CENTER)
      throw new ProblemError(
        'COMBAT_TOO_FEW_CASES',
        `Center "${levels[i]}" has ${rows.length} case; ComBat needs at least ${MIN_CASES_PER_CENTER} per center.`,
        { center: levels[i], cases: rows.length, minimum: MIN_CASES_PER_CENTER },
      );
  });
  const ref = options.referenceBatch === undefined ? -1 : levels.indexOf(options.referenceBatch);
  if (options.referenceBatch !== undefined && ref < 0)
    throw new ProblemError(
      'COMBAT_REFERENCE_UNKNOWN',
      `Reference center "${options.referenceBatch}" has no cases here (centers: ${levels.join(', ')}).`,
      { reference: options.referenceBatch },
    );

  const all = byFeature(
    data,
    features.map((_, g) => g),
  );
  const keep: number[] = [];
  const unadjusted: string[] = [];
  all.forEach((v, g) => {
    if (members.some((rows) => constantWithin(v, rows))) unadjusted.push(features[g]);
    else keep.push(g);
  });
  const y = keep.map((g) => all[g]);

  // Design: center indicators (the reference's column all ones), then the covariates; a column of
  // all ones among the covariates is an intercept the indicators already span.
  const covariates = (options.covariates ?? []).filter((c) => !c.values.every((v) => v === 1));
  const nb = levels.length;
  const design = batch.map((b, j) => [
    ...levels.map((l, i) => (i === ref || l === b ? 1 : 0)),
    ...covariates.map((c) => c.values[j]),
  ]);
  if (!fullRank(design))
    throw new ProblemError(
      'COMBAT_CONFOUNDED',
      covariates.length > 0
        ? `The covariates (${covariates.map((c) => c.name).join(', ')}) are confounded with the centers or with each other: ComBat cannot tell a center effect from a covariate effect. Remove the covariate or add cases.`
        : 'The centers are confounded.',
      { covariates: covariates.map((c) => c.name).join(',') },
    );

  const B = leastSquares(design, y);
  const n = data.length;
  const G = y.length;
  const grandMean = new Array<number>(G);
  const varPooled = new Array<number>(G);
  const poolRows = ref >= 0 ? members[ref] : design.map((_, j) => j);
  for (let g = 0; g < G; g++) {
    grandMean[g] =
      ref >= 0 ? B[ref][g] : levels.reduce((s, _, i) => s + (members[i].length / n) * B[i][g], 0);
    let ss = 0;
    for (const j of poolRows) {
      let fitted = 0;
      for (let c = 0; c < design[j].length; c++) fitted += design[j][c] * B[c][g];
      ss += (y[g][j] - fitted) ** 2;
    }
    varPooled[g] = ss / poolRows.length;
  }
  const covariateCoefficients = covariates.map((_, c) => B[nb + c].slice());
  const standMean = (g: number, j: number) => {
    let m = grandMean[g];
    for (let c = 0; c < covariates.length; c++) m += covariates[c].values[j] * B[nb + c][g];
    return m;
  };
  const s = y.map((row, g) => {
    const sd = Math.sqrt(varPooled[g]);
    return Float64Array.from(row, (v, j) => (v - standMean(g, j)) / sd);
  });

  const batchDesign = design.map((r) => r.slice(0, nb));
  const gammaHat = leastSquares(batchDesign, s);
  const fits: CombatBatchFit[] = levels.map((name, i) => {
    const rows = members[i];
    if (i === ref)
      return {
        name,
        n: rows.length,
        gammaStar: new Array(G).fill(0),
        deltaStar: new Array(G).fill(1),
      };
    const sb = s.map((row) => Float64Array.from(rows, (j) => row[j]));
    const deltaHat = meanOnly ? new Array<number>(G).fill(1) : sb.map((row) => variance(row));
    const star = shrink(method, meanOnly, sb, gammaHat[i], deltaHat);
    return { name, n: rows.length, ...star };
  });

  const harmonized = data.map((row) => row.slice());
  keep.forEach((col, g) => {
    const sd = Math.sqrt(varPooled[g]);
    fits.forEach((f, i) => {
      if (i === ref) return;
      for (const j of members[i]) {
        // The reference's γ* is 0, so a case's batch-design row reduces to its own center.
        const adj = (s[g][j] - f.gammaStar[g]) / Math.sqrt(f.deltaStar[g]);
        harmonized[j][col] = adj * sd + standMean(g, j);
      }
    });
  });

  const fit: CombatFit = {
    format: 'consilium-combat',
    version: 1,
    method,
    meanOnly,
    ...(ref >= 0 ? { referenceBatch: levels[ref] } : {}),
    features: [...features],
    unadjusted,
    covariates: covariates.map((c) => c.name),
    grandMean: spread(features, keep, grandMean, 0),
    varPooled: spread(features, keep, varPooled, 1),
    covariateCoefficients: covariateCoefficients.map((b) => spread(features, keep, b, 0)),
    batches: fits.map((f) => ({
      ...f,
      gammaStar: spread(features, keep, f.gammaStar, 0),
      deltaStar: spread(features, keep, f.deltaStar, 1),
    })),
  };
  return { fit, harmonized };
}

/** Values over the kept features placed back at their columns; `fill` for the unadjusted ones. */
function spread(
  features: readonly string[],
  keep: readonly number[],
  values: readonly number[],
  fill: number,
): number[] {
  const out = new Array<number>(features.length).fill(fill);
  keep.forEach((col, g) => (out[col] = values[g]));
  return out;
}

function shrink(
  method: CombatFit['method'],
  meanOnly: boolean,
  s: readonly Float64Array[],
  gammaHat: readonly number[],
  deltaHat: readonly number[],
): { gammaStar: number[]; deltaStar: number[] } {
  if (method === 'nonparametric') return nonparametric(s, gammaHat, deltaHat);
  const p = priors(gammaHat, deltaHat);
  return meanOnly ? parametricMeanOnly(gammaHat, p) : parametric(s, gammaHat, deltaHat, p);
}

/**
 * Harmonizes cases with a saved fit. Cases of a center the fit knows get that center's saved
 * effects; a new center's effects are estimated from its own cases against the saved
 * standardization, with the fit's method (so with a reference-batch fit, the new center is brought
 * to the reference exactly as sva::ComBat with ref.batch would, covariates aside). `covariates`
 * must give the fit's covariate columns by name.
 */
export function applyCombat(
  fit: CombatFit,
  data: FeatureRows,
  batch: readonly string[],
  covariates: CombatOptions['covariates'] = [],
): number[][] {
  checkShape(data, batch, fit.features);
  checkCovariates({ covariates }, data.length);
  const columns = fit.covariates.map((name) => {
    const c = covariates.find((x) => x.name === name);
    if (!c)
      throw new ProblemError(
        'COMBAT_COVARIATE',
        `The saved ComBat fit preserves covariate "${name}"; give its values for the new cases.`,
        { covariate: name },
      );
    return c.values;
  });
  const G = fit.features.length;
  const adjusted = fit.features.map((f) => !fit.unadjusted.includes(f));
  const standMean = (g: number, j: number) =>
    columns.reduce((m, v, c) => m + v[j] * fit.covariateCoefficients[c][g], fit.grandMean[g]);
  const s = Array.from({ length: G }, (_, g) =>
    Float64Array.from(data, (row, j) => (row[g] - standMean(g, j)) / Math.sqrt(fit.varPooled[g])),
  );
  const out = data.map((row) => row.slice());
  for (const name of batchLevels(batch)) {
    const rows = batch.flatMap((b, j) => (b === name ? [j] : []));
    if (name === fit.referenceBatch) continue; // the reference is left as it is
    let effects: { gammaStar: readonly number[]; deltaStar: readonly number[] } | undefined =
      fit.batches.find((b) => b.name === name);
    if (!effects) effects = newCenterEffects(fit, name, rows, s, adjusted);
    for (let g = 0; g < G; g++) {
      if (!adjusted[g]) continue;
      const sd = Math.sqrt(fit.varPooled[g]);
      for (const j of rows) {
        const adj = (s[g][j] - effects.gammaStar[g]) / Math.sqrt(effects.deltaStar[g]);
        out[j][g] = adj * sd + standMean(g, j);
      }
    }
  }
  return out;
}

function newCenterEffects(
  fit: CombatFit,
  name: string,
  rows: readonly number[],
  s: readonly Float64Array[],
  adjusted: readonly boolean[],
): { gammaStar: number[]; deltaStar: number[] } {
  if (rows.length < MIN_CASES_PER_CENTER)
    throw new ProblemError(
      'COMBAT_TOO_FEW_CASES',
      `New center "${name}" has ${rows.length} case; its effects need at least ${MIN_CASES_PER_CENTER}.`,
      { center: name, cases: rows.length, minimum: MIN_CASES_PER_CENTER },
    );
  const cols = adjusted.flatMap((a, g) => (a ? [g] : []));
  const sb = cols.map((g) => Float64Array.from(rows, (j) => s[g][j]));
  const gammaHat = sb.map((row) => mean(row));
  const deltaHat = fit.meanOnly ? sb.map(() => 1) : sb.map((row) => variance(row));
  const star = shrink(fit.method, fit.meanOnly, sb, gammaHat, deltaHat);
  return {
    gammaStar: spread(fit.features, cols, star.gammaStar, 0),
    deltaStar: spread(fit.features, cols, star.deltaStar, 1),
  };
}

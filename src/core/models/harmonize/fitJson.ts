// A saved ComBat fit read back from JSON: checked field by field, since it comes from a file (maybe
// another center's), before any of it is used.
import { ProblemError } from '../../result.ts';
import type { CombatFit } from './types.ts';

function bad(reason: string): never {
  throw new ProblemError('COMBAT_FIT_INVALID', `Not a usable ComBat fit: ${reason}`, {});
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function numbers(v: unknown, length: number, what: string): void {
  if (
    !Array.isArray(v) ||
    v.length !== length ||
    v.some((x) => typeof x !== 'number' || !Number.isFinite(x))
  )
    bad(`${what} must be ${length} finite numbers.`);
}

function strings(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    bad(`${what} must be a list of names.`);
  return v as string[];
}

export function parseCombatFit(text: string): CombatFit {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    bad('the file is not JSON.');
  }
  if (!isObject(v) || v.format !== 'consilium-combat') bad('its format is not "consilium-combat".');
  if (v.version !== 1) bad(`version ${String(v.version)} is not supported (1 is).`);
  if (v.method !== 'parametric' && v.method !== 'nonparametric')
    bad('method must be parametric or nonparametric.');
  if (typeof v.meanOnly !== 'boolean') bad('meanOnly must be true or false.');
  if (v.referenceBatch !== undefined && typeof v.referenceBatch !== 'string')
    bad('referenceBatch must be a name.');
  const features = strings(v.features, 'features');
  const G = features.length;
  if (G === 0) bad('it has no features.');
  if (v.settings !== undefined && strings(v.settings, 'settings').length !== G)
    bad('settings must name one per feature.');
  strings(v.unadjusted, 'unadjusted');
  const covariates = strings(v.covariates, 'covariates');
  numbers(v.grandMean, G, 'grandMean');
  numbers(v.varPooled, G, 'varPooled');
  if ((v.varPooled as number[]).some((x) => x <= 0)) bad('varPooled must be positive.');
  if (
    !Array.isArray(v.covariateCoefficients) ||
    v.covariateCoefficients.length !== covariates.length
  )
    bad('covariateCoefficients must have one row per covariate.');
  (v.covariateCoefficients as unknown[]).forEach((row) =>
    numbers(row, G, 'a covariate coefficient row'),
  );
  if (!Array.isArray(v.batches) || v.batches.length === 0)
    bad('batches must list the fitted centers.');
  for (const b of v.batches as unknown[]) {
    if (!isObject(b) || typeof b.name !== 'string' || typeof b.n !== 'number')
      bad('each batch needs a name and n.');
    numbers(b.gammaStar, G, `gammaStar of ${b.name}`);
    numbers(b.deltaStar, G, `deltaStar of ${b.name}`);
    if ((b.deltaStar as number[]).some((x) => x <= 0))
      bad(`deltaStar of ${b.name} must be positive.`);
  }
  return v as unknown as CombatFit;
}

// Ajv's errors as one plain-words problem per settings key, naming the key as the file
// writes it (resample.spacingMm[0]), so a user sees what to change and where.
import type { SchemaError } from './paramsValidator.generated.js';

export interface SettingsProblem {
  /** The key as written in the file: `distance`, `resample.spacingMm[1]`, `setting.binWidth`. */
  key: string;
  /** unknown-key, wrong-type, not-one-of, out-of-range, wrong-length, missing, conflict,
   * not-mapped (PyRadiomics). */
  code: string;
  reason: string;
}

/** `/resample/spacingMm/0` as `resample.spacingMm[0]`. */
export function keyOfPath(path: string): string {
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((key, p) => (/^\d+$/.test(p) ? `${key}[${p}]` : key ? `${key}.${p}` : p), '');
}

function join(key: string, child: string): string {
  return key ? `${key}.${child}` : child;
}

/** A value as the user wrote it, short. */
export function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const typeWords: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of keys',
  null: 'null',
};

const comparisonWords: Record<string, string> = {
  '>': 'above',
  '>=': 'at least',
  '<': 'below',
  '<=': 'at most',
};

function problemOfError(e: SchemaError): SettingsProblem | null {
  const key = keyOfPath(e.instancePath);
  const p = e.params;
  const got = ` (got ${shown(e.data)})`;
  switch (e.keyword) {
    case 'additionalProperties': {
      const known = Object.keys(e.parentSchema?.properties ?? {}).filter((k) => k !== '$schema');
      return {
        key: join(key, String(p.additionalProperty)),
        code: 'unknown-key',
        reason: `is not a setting${known.length ? `${key ? ' here' : ''}; known: ${known.join(', ')}` : ''}`,
      };
    }
    case 'required':
      return { key: join(key, String(p.missingProperty)), code: 'missing', reason: 'is missing' };
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((t) => typeWords[t] ?? t);
      return { key, code: 'wrong-type', reason: `must be ${types.join(' or ')}${got}` };
    }
    case 'enum':
      return {
        key,
        code: 'not-one-of',
        reason: `must be one of ${(p.allowedValues as unknown[]).join(', ')}${got}`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        key,
        code: 'out-of-range',
        reason: `must be ${comparisonWords[String(p.comparison)]} ${String(p.limit)}${got}`,
      };
    case 'minItems':
    case 'maxItems':
      return {
        key,
        code: 'wrong-length',
        reason: `must list ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)} values${got}`,
      };
    case 'minLength':
      return { key, code: 'out-of-range', reason: 'must not be empty' };
    // The discriminator and the kind's enum say the same; the enum's words are kept.
    case 'discriminator':
    case 'oneOf':
    case 'const':
      return null;
    default:
      return { key, code: 'invalid', reason: `${e.message ?? 'is not valid'}${got}` };
  }
}

/** One problem per key, in the order the validator met them. */
export function schemaProblems(errors: readonly SchemaError[]): SettingsProblem[] {
  const byKey = new Map<string, SettingsProblem>();
  for (const e of errors) {
    const problem = problemOfError(e);
    if (problem && !byKey.has(problem.key)) byKey.set(problem.key, problem);
  }
  // A discriminator error with no other words for its key (kind missing) still says something.
  for (const e of errors)
    if (e.keyword === 'discriminator' && byKey.size === 0)
      byKey.set(keyOfPath(e.instancePath), {
        key: keyOfPath(e.instancePath),
        code: 'invalid',
        reason: 'needs a kind: bin-count, bin-width or none',
      });
  return [...byKey.values()];
}

import { validate } from './manifestValidator.generated.js';
import type { Manifest } from './types';

/** Check a parsed manifest against docs/bundle.schema.json; the first problem in plain words. */
export function schemaProblem(manifest: unknown): string | undefined {
  if (validate(manifest)) return undefined;
  const e = validate.errors?.[0];
  return e
    ? `${e.instancePath || 'the manifest'} ${e.message ?? e.keyword}`
    : 'the manifest does not match the schema';
}

export function isManifest(manifest: unknown): manifest is Manifest {
  return validate(manifest);
}

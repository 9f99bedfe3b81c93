import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleValidatorSource, validatorTarget } from './bundleValidatorSource';

describe('generated bundle manifest validator', () => {
  it('matches docs/bundle.schema.json (rerun tools/gen-bundle-validator.ts after editing the schema)', async () => {
    expect(readFileSync(validatorTarget, 'utf8')).toBe(await bundleValidatorSource());
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paramsValidatorSource, paramsValidatorTarget } from './paramsValidatorSource';

describe('generated settings-file validator', () => {
  it('matches docs/params.schema.json (rerun tools/gen-params-validator.ts after editing the schema)', async () => {
    expect(readFileSync(paramsValidatorTarget, 'utf8')).toBe(await paramsValidatorSource());
  });
});

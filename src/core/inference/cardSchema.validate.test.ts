import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardValidatorSource, validatorPath } from '../../../tools/train/cardValidatorSource.ts';

describe('generated card validator', () => {
  it('is up to date with docs/model-card.schema.json (run tools/train/make-card-validator.ts)', async () => {
    expect(readFileSync(validatorPath, 'utf8')).toBe(await cardValidatorSource());
  });
});

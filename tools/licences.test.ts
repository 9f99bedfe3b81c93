import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allowedExpression,
  LICENCES_DOC,
  licencesMarkdown,
  productionDependencies,
} from './licences';

describe('production dependency licences', () => {
  it('are all on the allow-list', () => {
    const problems = productionDependencies()
      .filter((d) => d.problem)
      .map((d) => `${d.name}@${d.version}: ${d.problem}`);
    expect(problems).toEqual([]);
  });

  it('are listed in docs/licences.md as they are now (rerun npm run licences -- --write)', () => {
    expect(readFileSync(LICENCES_DOC, 'utf8')).toBe(licencesMarkdown(productionDependencies()));
  });

  it('read SPDX expressions: OR needs one allowed choice, AND needs all', () => {
    expect(allowedExpression('(MIT OR CC0-1.0)')).toBe(true);
    expect(allowedExpression('(MIT AND Zlib)')).toBe(true);
    expect(allowedExpression('(MIT OR GPL-3.0-only)')).toBe(true);
    expect(allowedExpression('(MIT AND GPL-3.0-only)')).toBe(false);
    expect(allowedExpression('LGPL-2.1-or-later')).toBe(false);
    expect(allowedExpression('UNKNOWN')).toBe(false);
  });
});

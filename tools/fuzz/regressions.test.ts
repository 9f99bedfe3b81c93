// Every fuzz finding that was fixed (and is small) is replayed here through its target's
// oracle: it must end in the documented error shape, or a correct result, as it does now.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIndependentReader } from './independentZip';
import { targets } from './targets/index';
import { TARGETS } from './target';

const DIR = join(import.meta.dirname, 'regressions');

const cases = TARGETS.flatMap((target) => {
  const dir = join(DIR, target);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(`.${targets[target].ext}`))
    .sort()
    .map((name) => ({ target, path: `${target}/${name}`, file: join(dir, name) }));
});

afterAll(() => closeIndependentReader());

describe('fuzz findings kept as regressions', () => {
  for (const c of cases) {
    it(`${c.path} ends in the documented error shape or a correct result`, async () => {
      const verdict = await targets[c.target].check(new Uint8Array(readFileSync(c.file)));
      expect(verdict).toBeUndefined();
    });
  }
});

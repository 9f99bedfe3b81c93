// The short, deterministic fuzz run of `npm test`: a fixed seed and a fixed number of inputs per
// target (a few seconds each), so it tries the same inputs on every machine and cannot be flaky.
// The long run is `npm run fuzz -- --minutes N`. A finding here is written to
// tools/fuzz/findings/ so it can be replayed and, once fixed, kept under regressions/.
import { afterAll, describe, expect, it } from 'vitest';
import { campaign } from './campaign';
import { saveFinding } from './findings';
import { closeIndependentReader } from './independentZip';
import { targets } from './targets/index';
import { TARGETS, type TargetName } from './target';

const SEED = 20_251_206;

// Sized for about 1-3 s a target on an idle machine (the encryption target's inputs each derive
// a PBKDF2 key, ~60 ms).
const RUNS: Record<TargetName, number> = { dicom: 2000, zip: 1000, bundle: 120, encryption: 20 };

// An input that takes this long is a finding even here; the long run's bound is 2 s, but a
// test must not fail because the machine is busy.
const SLOW_MS = 15_000;

afterAll(() => closeIndependentReader());

describe.each(TARGETS)('fuzzing %s', (name) => {
  it(`${RUNS[name]} mutated inputs each end in the documented error shape or a correct result`, async () => {
    const target = targets[name];
    const seeds = await target.seeds();
    const { inputs, findings } = await campaign(target, {
      seed: SEED,
      runs: RUNS[name],
      slowMs: SLOW_MS,
      seeds,
    });
    expect(inputs).toBe(RUNS[name]);
    const found = findings.map(
      (f) => `${f.kind}: ${f.message} (input ${f.index}, ${saveFinding(f)})`,
    );
    expect(found).toEqual([]);
  }, 120_000);
});

// The zip reader alone: readZipStrictly either returns the members or rejects with a BundleError,
// and what it returns is what an independent reader (Python's zipfile) extracts too.
import { defaultLimits } from '../../../src/core/bundle/limits';
import { readZipStrictly } from '../../../src/core/bundle/readZip';
import { BundleRejected } from '../../../src/core/bundle/types';
import { zipFields } from '../fields';
import { differsFromIndependent } from '../independentZip';
import { applyMutations, bytePlan, type BytePlan } from '../mutate';
import { zipSeeds } from '../seeds/bundleSeeds';
import { uncaught, type Target, type Verdict } from '../target';

const MAX_BYTES = 4 * 1024 * 1024;

export async function checkZip(bytes: Uint8Array): Promise<Verdict | undefined> {
  let members: ReadonlyMap<string, Uint8Array>;
  try {
    members = await readZipStrictly(bytes, defaultLimits);
  } catch (e) {
    return e instanceof BundleRejected ? undefined : uncaught('readZipStrictly', e);
  }
  const differs = await differsFromIndependent(bytes, members, 'readZipStrictly');
  return differs ? { kind: 'differential', message: differs } : undefined;
}

export const zipTarget: Target<BytePlan> = {
  name: 'zip',
  ext: 'zip',
  plan: bytePlan,
  seedOf: (plan) => plan.seed,
  seeds: zipSeeds,
  build: async (plan, seeds) =>
    applyMutations(seeds[plan.seed % seeds.length], plan.mutations, seeds, zipFields, MAX_BYTES),
  check: checkZip,
};

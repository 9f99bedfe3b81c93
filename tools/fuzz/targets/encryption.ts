// The encrypted-bundle header: with a wrong passphrase, decryptBundle rejects with a BundleError
// (ENCRYPTION_HEADER_INVALID or WRONG_PASSPHRASE), whatever the header asks for, within the
// time bound: an attacker's iteration count must not make an import spin.
import { decryptBundle, isEncryptedBundle } from '../../../src/core/bundle/encryption';
import { BundleRejected } from '../../../src/core/bundle/types';
import { verifyBundle } from '../../../src/core/bundle/verifyBundle';
import { encryptionFields } from '../fields';
import { applyMutations, bytePlan, type BytePlan } from '../mutate';
import { encryptionSeeds } from '../seeds/bundleSeeds';
import { uncaught, type Target, type Verdict } from '../target';

export const WRONG_PASSPHRASE = 'not the passphrase';
const MAX_BYTES = 1024 * 1024;

export async function checkEncryption(bytes: Uint8Array): Promise<Verdict | undefined> {
  if (!isEncryptedBundle(bytes)) {
    // The magic is gone: the import must read it as a zip and reject it as one.
    try {
      const result = await verifyBundle(bytes, { passphrase: WRONG_PASSPHRASE });
      return result.ok
        ? { kind: 'wrong-ok', message: 'verifyBundle accepted a damaged encrypted bundle' }
        : undefined;
    } catch (e) {
      return uncaught('verifyBundle', e);
    }
  }
  try {
    await decryptBundle(bytes, WRONG_PASSPHRASE);
  } catch (e) {
    return e instanceof BundleRejected ? undefined : uncaught('decryptBundle', e);
  }
  return { kind: 'wrong-ok', message: 'decryptBundle opened a bundle with the wrong passphrase' };
}

export const encryptionTarget: Target<BytePlan> = {
  name: 'encryption',
  ext: 'bin',
  plan: bytePlan,
  seedOf: (plan) => plan.seed,
  seeds: encryptionSeeds,
  build: async (plan, seeds) =>
    applyMutations(
      seeds[plan.seed % seeds.length],
      plan.mutations,
      seeds,
      encryptionFields,
      MAX_BYTES,
    ),
  check: checkEncryption,
};

// Partners' public keys (PEM or JWK files) as the fingerprints verification trusts.
import { readFile } from 'node:fs/promises';
import { importPublicKey, keyFingerprint } from '../../core/crypto/keys.ts';

export function readTrustedKeys(files: readonly string[]): Promise<string[]> {
  return Promise.all(
    files.map(async (f) => keyFingerprint(await importPublicKey(await readFile(f, 'utf8')))),
  );
}

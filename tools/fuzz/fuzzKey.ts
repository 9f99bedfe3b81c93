// A P-256 key made for the fuzz harness only: it signs mutated bundles, so that inputs get past
// the signature check into the manifest and CSV readers. It signs nothing real and is trusted
// nowhere but in these tests.
import {
  importPrivateKeyPem,
  importPublicKeyPem,
  keyFingerprint,
} from '../../src/core/crypto/keys';
import type { CryptoKeyHandle } from '../../src/core/crypto/subtle';

const PRIVATE = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg6YGWIPW4BK2aRpNh
0xwx3LdoR3tKiNP1wCqv1OGvXn2hRANCAARCq/EvPsAiYAr0bRraCt4zCVt4XbY9
rOZTBTVD/6ZNnJV274WmlbmWaxwtlZIJalNZ3/fMPaMUBRbJEcVg/EDf
-----END PRIVATE KEY-----
`;

const PUBLIC = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQqvxLz7AImAK9G0a2greMwlbeF22
PazmUwU1Q/+mTZyVdu+FppW5lmscLZWSCWpTWd/3zD2jFAUWyRHFYPxA3w==
-----END PUBLIC KEY-----
`;

export interface FuzzKey {
  readonly privateKey: CryptoKeyHandle;
  readonly publicKey: CryptoKeyHandle;
  readonly fingerprint: string;
}

let key: Promise<FuzzKey> | undefined;

export function fuzzKey(): Promise<FuzzKey> {
  key ??= (async () => {
    const publicKey = await importPublicKeyPem(PUBLIC);
    return {
      privateKey: await importPrivateKeyPem(PRIVATE),
      publicKey,
      fingerprint: await keyFingerprint(publicKey),
    };
  })();
  return key;
}

// A model update travels signed, with the bundles' signature (ECDSA P-256 over the exact bytes,
// signature.json's shape) over its canonical JSON. Reading one checks, in order: the signature,
// that the signing key is trusted, the federation, the round and the family; each refusal is one
// Problem in plain words, and nothing from a refused update is used.
import {
  signManifest,
  verifyManifestSignature,
  type SignatureFile,
} from '../../bundle/signature.ts';
import { canonicalJson } from '../../crypto/canonicalJson.ts';
import type { CryptoKeyHandle } from '../../crypto/subtle.ts';
import { problemOf, ProblemError } from '../../result.ts';
import { UPDATE_FORMAT, type ModelUpdate } from './update.ts';

export interface SignedUpdate {
  readonly update: ModelUpdate;
  readonly signature: SignatureFile;
}

const bytesOf = (u: ModelUpdate) => new TextEncoder().encode(canonicalJson(u));

export async function signUpdate(
  update: ModelUpdate,
  privateKey: CryptoKeyHandle,
  publicKey: CryptoKeyHandle,
): Promise<SignedUpdate> {
  return { update, signature: await signManifest(bytesOf(update), privateKey, publicKey) };
}

export interface Expected {
  readonly federation: string;
  readonly round: number;
  readonly family: ModelUpdate['family'];
  /** Fingerprints (SHA-256 of SPKI) of the keys this reader trusts. */
  readonly trusted: ReadonlySet<string>;
}

export async function readUpdate(
  text: string,
  expected: Expected,
  file = '',
): Promise<ModelUpdate> {
  let signed: SignedUpdate;
  try {
    signed = JSON.parse(text) as SignedUpdate;
    if (signed?.update?.format !== UPDATE_FORMAT) throw new Error(`not ${UPDATE_FORMAT}`);
  } catch (e) {
    throw new ProblemError(
      'update-malformed',
      `This is not a model update (${(e as Error).message}).`,
      { file },
    );
  }
  let signer;
  try {
    signer = await verifyManifestSignature(
      bytesOf(signed.update),
      new TextEncoder().encode(JSON.stringify(signed.signature)),
    );
  } catch (e) {
    const reason = problemOf(e, 'update-signature').reason;
    throw new ProblemError('update-signature', `The update's signature does not hold: ${reason}`, {
      file,
    });
  }
  const u = signed.update;
  if (!expected.trusted.has(signer.fingerprint))
    throw new ProblemError(
      'update-untrusted',
      `The update from "${u.from}" is signed by a key this federation does not trust (${signer.fingerprint.slice(0, 16)}…).`,
      { file, from: u.from, fingerprint: signer.fingerprint },
    );
  if (u.federation !== expected.federation)
    throw new ProblemError(
      'update-wrong-federation',
      `The update belongs to federation "${u.federation}", not "${expected.federation}".`,
      { file, federation: u.federation },
    );
  if (u.round !== expected.round)
    throw new ProblemError(
      'update-wrong-round',
      `The update from "${u.from}" is for round ${u.round}; round ${expected.round} is being aggregated.`,
      { file, round: u.round, expected: expected.round },
    );
  if (u.family !== expected.family)
    throw new ProblemError(
      'update-wrong-family',
      `The update is a ${u.family} model, not ${expected.family}.`,
      {
        file,
        family: u.family,
      },
    );
  return u;
}

import { fromBase64, toBase64 } from '../crypto/base64';
import { exportPublicKeyJwk, importPublicKeyJwk, keyFingerprint } from '../crypto/keys';
import { ownBytes, subtle, type CryptoKeyHandle, type JsonWebKey } from '../crypto/subtle';
import { parseStrictJson, strictUtf8 } from './strictJson';
import { reject } from './types';

export const SIGNATURE_MEMBER = 'signature.json';
const ALGORITHM = 'ECDSA-P256-SHA256';
const SIGN = { name: 'ECDSA', hash: 'SHA-256' };

/** signature.json: the signer's public key, its fingerprint and an IEEE P1363 (r||s) signature. */
export interface SignatureFile {
  readonly algorithm: typeof ALGORITHM;
  readonly keyFingerprint: string;
  readonly publicKey: JsonWebKey;
  readonly signature: string;
}

export async function signManifest(
  manifestBytes: Uint8Array,
  privateKey: CryptoKeyHandle,
  publicKey: CryptoKeyHandle,
): Promise<SignatureFile> {
  const signature = new Uint8Array(await subtle().sign(SIGN, privateKey, ownBytes(manifestBytes)));
  return {
    algorithm: ALGORITHM,
    keyFingerprint: await keyFingerprint(publicKey),
    publicKey: await exportPublicKeyJwk(publicKey),
    signature: toBase64(signature),
  };
}

export interface Signer {
  /** SHA-256 of the key's SPKI, computed here (never taken from the file). */
  readonly fingerprint: string;
  /** The public key that verified the signature, so an importer can choose to trust it. */
  readonly publicKey: JsonWebKey;
}

/** Checks the signature over the exact manifest bytes and returns the key that made it. */
export async function verifyManifestSignature(
  manifestBytes: Uint8Array,
  signatureBytes: Uint8Array,
): Promise<Signer> {
  let file: SignatureFile;
  let key: CryptoKeyHandle;
  let signature: Uint8Array<ArrayBuffer> | undefined;
  try {
    // Strict like the manifest: one reading of which key signed.
    file = parseStrictJson(strictUtf8(signatureBytes), { maxDepth: 4 }) as unknown as SignatureFile;
    if (file.algorithm !== ALGORITHM) throw new Error(`algorithm ${String(file.algorithm)}`);
    key = await importPublicKeyJwk(file.publicKey);
    signature = fromBase64(file.signature);
    if (!signature) throw new Error('signature is not base64');
  } catch (err) {
    return reject(
      'SIGNATURE_MALFORMED',
      `The signature file cannot be read (${(err as Error).message}).`,
      SIGNATURE_MEMBER,
    );
  }
  const ok = await subtle().verify(SIGN, key, signature, ownBytes(manifestBytes));
  if (!ok)
    return reject(
      'SIGNATURE_INVALID',
      'The signature does not match the manifest: the bundle was changed after it was signed, or signed with another key.',
      SIGNATURE_MEMBER,
    );
  return { fingerprint: await keyFingerprint(key), publicKey: await exportPublicKeyJwk(key) };
}

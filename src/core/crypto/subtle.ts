// Typed view of WebCrypto's SubtleCrypto for core, which has no DOM lib. Browsers, workers and
// Node 20 all expose globalThis.crypto.subtle; only the calls the bundle code makes are typed.

export type Bytes = Uint8Array<ArrayBuffer>;

export interface CryptoKeyHandle {
  readonly type: 'public' | 'private' | 'secret';
  readonly algorithm: { readonly name: string };
}

export interface KeyPairHandle {
  readonly publicKey: CryptoKeyHandle;
  readonly privateKey: CryptoKeyHandle;
}

export interface JsonWebKey {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  ext?: boolean;
  key_ops?: string[];
  [extra: string]: unknown;
}

type Algorithm = { name: string; [param: string]: unknown };
type Usage = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'deriveKey' | 'deriveBits';

export interface Subtle {
  digest(algorithm: 'SHA-256', data: Bytes): Promise<ArrayBuffer>;
  importKey(
    format: 'raw' | 'spki' | 'pkcs8',
    keyData: Bytes,
    algorithm: Algorithm,
    extractable: boolean,
    usages: Usage[],
  ): Promise<CryptoKeyHandle>;
  importKey(
    format: 'jwk',
    keyData: JsonWebKey,
    algorithm: Algorithm,
    extractable: boolean,
    usages: Usage[],
  ): Promise<CryptoKeyHandle>;
  exportKey(format: 'spki' | 'pkcs8' | 'raw', key: CryptoKeyHandle): Promise<ArrayBuffer>;
  exportKey(format: 'jwk', key: CryptoKeyHandle): Promise<JsonWebKey>;
  generateKey(algorithm: Algorithm, extractable: boolean, usages: Usage[]): Promise<KeyPairHandle>;
  sign(algorithm: Algorithm | 'HMAC', key: CryptoKeyHandle, data: Bytes): Promise<ArrayBuffer>;
  verify(
    algorithm: Algorithm,
    key: CryptoKeyHandle,
    signature: Bytes,
    data: Bytes,
  ): Promise<boolean>;
  deriveKey(
    algorithm: Algorithm,
    baseKey: CryptoKeyHandle,
    derivedKeyType: Algorithm,
    extractable: boolean,
    usages: Usage[],
  ): Promise<CryptoKeyHandle>;
  encrypt(algorithm: Algorithm, key: CryptoKeyHandle, data: Bytes): Promise<ArrayBuffer>;
  decrypt(algorithm: Algorithm, key: CryptoKeyHandle, data: Bytes): Promise<ArrayBuffer>;
}

export function subtle(): Subtle {
  return crypto.subtle as unknown as Subtle;
}

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Copy into a fresh ArrayBuffer-backed array, as WebCrypto wants (no SharedArrayBuffer views). */
export function ownBytes(data: Uint8Array): Bytes {
  const out = new Uint8Array(data.byteLength);
  out.set(data);
  return out;
}

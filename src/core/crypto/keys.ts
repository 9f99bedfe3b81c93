import { fromBase64, toBase64 } from './base64';
import { sha256Hex } from './sha256';
import { subtle, type CryptoKeyHandle, type JsonWebKey, type KeyPairHandle } from './subtle';

// A center signs its bundles with an ECDSA P-256 key; partners trust its public key by the
// SHA-256 fingerprint of the key's SPKI encoding, whether they were given it as PEM or JWK.
const EC = { name: 'ECDSA', namedCurve: 'P-256' };

export async function generateSigningKeys(): Promise<KeyPairHandle> {
  return subtle().generateKey(EC, true, ['sign', 'verify']);
}

function pem(label: string, der: ArrayBuffer): string {
  const lines = toBase64(new Uint8Array(der)).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function unpem(label: string, text: string): Uint8Array<ArrayBuffer> {
  const m = new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`).exec(text);
  const der = m ? fromBase64(m[1]) : undefined;
  if (!der) throw new Error(`This is not a PEM "${label}" block.`);
  return der;
}

export async function exportPublicKeyPem(key: CryptoKeyHandle): Promise<string> {
  return pem('PUBLIC KEY', await subtle().exportKey('spki', key));
}

export async function exportPrivateKeyPem(key: CryptoKeyHandle): Promise<string> {
  return pem('PRIVATE KEY', await subtle().exportKey('pkcs8', key));
}

export async function importPublicKeyPem(text: string): Promise<CryptoKeyHandle> {
  return subtle().importKey('spki', unpem('PUBLIC KEY', text), EC, true, ['verify']);
}

export async function importPrivateKeyPem(text: string): Promise<CryptoKeyHandle> {
  return subtle().importKey('pkcs8', unpem('PRIVATE KEY', text), EC, false, ['sign']);
}

/** Only the public members of a JWK, so a private "d" never ends up in a bundle. */
export async function exportPublicKeyJwk(key: CryptoKeyHandle): Promise<JsonWebKey> {
  const { kty, crv, x, y } = await subtle().exportKey('jwk', key);
  return { kty, crv, x, y };
}

export async function importPublicKeyJwk(jwk: JsonWebKey): Promise<CryptoKeyHandle> {
  const { kty, crv, x, y } = jwk;
  return subtle().importKey('jwk', { kty, crv, x, y }, EC, true, ['verify']);
}

export async function importPrivateKeyJwk(jwk: JsonWebKey): Promise<CryptoKeyHandle> {
  return subtle().importKey('jwk', jwk, EC, false, ['sign']);
}

/** Accepts a PEM public key or a public JWK as JSON text. */
export async function importPublicKey(text: string): Promise<CryptoKeyHandle> {
  return text.includes('-----BEGIN')
    ? importPublicKeyPem(text)
    : importPublicKeyJwk(JSON.parse(text) as JsonWebKey);
}

export async function keyFingerprint(publicKey: CryptoKeyHandle): Promise<string> {
  return sha256Hex(new Uint8Array(await subtle().exportKey('spki', publicKey)));
}

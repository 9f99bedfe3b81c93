import { ownBytes, subtle, type CryptoKeyHandle } from './subtle';

/** The collaboration key: a secret the partner centers share so their pseudonyms agree. */
export async function importCollaborationKey(
  secret: Uint8Array | string,
): Promise<CryptoKeyHandle> {
  const raw = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (raw.byteLength === 0) throw new Error('The collaboration key is empty.');
  return subtle().importKey('raw', ownBytes(raw), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

export async function hmacSha256(key: CryptoKeyHandle, message: string): Promise<Uint8Array> {
  const data = ownBytes(new TextEncoder().encode(message));
  return new Uint8Array(await subtle().sign('HMAC', key, data));
}

import { ownBytes, randomBytes, subtle, type CryptoKeyHandle } from '../crypto/subtle';
import { reject } from './types';

// An encrypted bundle is: MAGIC (8 bytes) | PBKDF2 iterations (uint32 BE) | salt (16) | iv (12) |
// AES-256-GCM ciphertext with its 16-byte tag. The header is authenticated as GCM additional data,
// so nobody can lower the iteration count without the decryption failing.
export const ENCRYPTION_MAGIC = new TextEncoder().encode('CNSLMENC');
export const MIN_ITERATIONS = 310_000; // OWASP 2023 figure for PBKDF2-HMAC-SHA256
// An attacker's header must not make an import spin: 2,000,000 iterations take about a second
// (a wrong passphrase costs the same), 6.5 times the default.
export const MAX_ITERATIONS = 2_000_000;
const HEADER_BYTES = 8 + 4 + 16 + 12;

export function isEncryptedBundle(bytes: Uint8Array): boolean {
  return (
    bytes.length >= ENCRYPTION_MAGIC.length && ENCRYPTION_MAGIC.every((b, i) => bytes[i] === b)
  );
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKeyHandle> {
  const base = await subtle().importKey(
    'raw',
    ownBytes(new TextEncoder().encode(passphrase)),
    { name: 'PBKDF2' },
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: ownBytes(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function encryptBundle(
  zip: Uint8Array,
  passphrase: string,
  iterations = MIN_ITERATIONS,
): Promise<Uint8Array> {
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS)
    throw new Error(`PBKDF2 needs between ${MIN_ITERATIONS} and ${MAX_ITERATIONS} iterations.`);
  const header = new Uint8Array(HEADER_BYTES);
  header.set(ENCRYPTION_MAGIC, 0);
  new DataView(header.buffer).setUint32(8, iterations, false);
  header.set(randomBytes(16), 12);
  header.set(randomBytes(12), 28);
  const key = await deriveKey(passphrase, header.subarray(12, 28), iterations);
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv: header.slice(28, 40), additionalData: header },
    key,
    ownBytes(zip),
  );
  const out = new Uint8Array(HEADER_BYTES + sealed.byteLength);
  out.set(header, 0);
  out.set(new Uint8Array(sealed), HEADER_BYTES);
  return out;
}

/** The header's iteration count, once it is known to be in bounds: checked before any key work. */
export function checkEncryptionHeader(bytes: Uint8Array): number {
  if (bytes.length < HEADER_BYTES + 16)
    reject('ENCRYPTION_HEADER_INVALID', 'The encrypted bundle is too short to hold its header.');
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES).getUint32(8, false);
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    reject(
      'ENCRYPTION_HEADER_INVALID',
      `The encrypted bundle asks for ${iterations} PBKDF2 iterations; between ${MIN_ITERATIONS} and ${MAX_ITERATIONS} are accepted.`,
    );
  }
  return iterations;
}

export async function decryptBundle(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const iterations = checkEncryptionHeader(bytes);
  const header = ownBytes(bytes.subarray(0, HEADER_BYTES));
  const key = await deriveKey(passphrase, header.subarray(12, 28), iterations);
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: header.slice(28, 40), additionalData: header },
      key,
      ownBytes(bytes.subarray(HEADER_BYTES)),
    );
    return new Uint8Array(plain);
  } catch {
    return reject(
      'WRONG_PASSPHRASE',
      'The bundle could not be decrypted: the passphrase is wrong or the file was damaged.',
    );
  }
}

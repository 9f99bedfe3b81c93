import { toHex } from '../crypto/sha256';
import type { CryptoKeyHandle } from '../crypto/subtle';
import { hmacSha256 } from '../crypto/hmac';
import { shiftDate, type DateHandling } from './dates';

// Domain labels keep a UID and an accession number with the same text from sharing a pseudonym.
export type PseudonymDomain =
  'uid' | 'patient' | 'accession' | 'study' | 'series' | 'instance' | 'date';

async function mac(
  key: CryptoKeyHandle,
  domain: PseudonymDomain,
  value: string,
): Promise<Uint8Array> {
  return hmacSha256(key, `${domain}\u0000${value}`);
}

/** A 2.25 UID (PS3.5 B.2) from the first 128 bits of HMAC-SHA-256(key, uid): same input, same UID. */
export async function pseudonymousUid(key: CryptoKeyHandle, uid: string): Promise<string> {
  const digest = await mac(key, 'uid', uid.replace(/\0+$/, '').trim());
  let n = 0n;
  for (let i = 0; i < 16; i++) n = (n << 8n) | BigInt(digest[i]);
  return `2.25.${n.toString(10)}`;
}

/** A 32-hex-digit key for CSV rows and result records (accession number, study UID, patient ID). */
export async function pseudonymousKey(
  key: CryptoKeyHandle,
  domain: PseudonymDomain,
  value: string,
): Promise<string> {
  return toHex((await mac(key, domain, value.trim())).subarray(0, 16));
}

/** Days to shift this patient's dates by: keyed, so the same patient shifts the same way everywhere. */
export async function dateOffsetDays(
  key: CryptoKeyHandle,
  patientId: string,
  maxDays: number,
): Promise<number> {
  const digest = await mac(key, 'date', patientId.trim());
  const n = ((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0;
  return -(1 + (n % maxDays));
}

/** The most days a patient's dates move back under 'shift' (the de-identifier's default too). */
export const MAX_SHIFT_DAYS = 3650;

/**
 * A study date as an object pseudonymised under the key carries it: removed, or shifted by the
 * patient's keyed offset, the same as the de-identified images' dates.
 */
export async function pseudonymousDate(
  key: CryptoKeyHandle,
  patientId: string,
  date: string,
  handling: DateHandling,
): Promise<string> {
  return handling === 'shift' && date
    ? shiftDate(date, await dateOffsetDays(key, patientId, MAX_SHIFT_DAYS))
    : '';
}

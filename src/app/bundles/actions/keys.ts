// The center's signing key and the partner keys it trusts. Keys are checked in the worker.
import { ProblemError, type Problem } from '../../../core/result.ts';
import * as db from '../../persist/db.ts';
import type { SigningKey } from '../../../workers/bundle.worker.ts';
import { bundleWorker } from '../../services/workers.ts';
import { download } from './download.ts';
import { refreshLibrary } from './library.ts';

/** The stored signing key, generated on first use. */
export async function ensureSigningKey(): Promise<SigningKey> {
  const existing = await db.getSigningKey();
  if (existing) return existing;
  const fresh = await bundleWorker.call(undefined, 'generateSigningKey');
  if (!fresh.ok) throw new ProblemError(fresh.error.code, fresh.error.reason, fresh.error.params);
  await db.putSigningKey(fresh.value);
  await refreshLibrary();
  return fresh.value;
}

export async function downloadPublicKey(center: string): Promise<void> {
  const key = await ensureSigningKey();
  const safe = center.trim().replace(/[^\w.-]+/g, '_') || 'center';
  download(`${safe}.pub.pem`, key.publicPem, 'application/x-pem-file');
}

/** Trust a partner's public key; the error, if any, is why the key was not accepted. */
export async function trustPartnerKey(file: File): Promise<Problem | undefined> {
  const pem = await file.text();
  const fingerprint = await bundleWorker.call(undefined, 'fingerprintOf', pem);
  if (!fingerprint.ok)
    return {
      code: 'key-not-public',
      reason: `${file.name} is not a PEM or JWK public key.`,
      params: { file: file.name },
    };
  await db.putTrusted({
    fingerprint: fingerprint.value,
    name: file.name,
    pem,
    how: 'key-file',
    trustedAt: new Date().toISOString(),
  });
  await refreshLibrary();
  return undefined;
}

export async function untrustKey(fingerprint: string): Promise<void> {
  await db.deleteTrusted(fingerprint);
  await refreshLibrary();
}

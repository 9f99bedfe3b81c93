// Import: the worker verifies the whole bundle first; a rejected one leaves nothing behind but the
// message saying why. An intact bundle signed by a trusted key (a partner's, or this center's own)
// is kept at once. One signed by a key nobody trusted yet, or not signed at all, is held here
// until the user answers: trust the key and import (trust on first use), import unsigned, or not.
import type { BundleSummary } from '../../../core/bundle/importSummary.ts';
import type { Manifest } from '../../../core/bundle/types.ts';
import * as db from '../../persist/db.ts';
import { useStore } from '../../store/store.ts';
import { bundleWorker } from '../../services/workers.ts';
import { claimConflict, otherClaimants, UNSIGNED, type ClaimConflict } from '../centerClaims.ts';
import { refreshLibrary } from './library.ts';

/** What the page asks before keeping a bundle no trusted key signed. */
export interface TrustQuestion {
  readonly fileName: string;
  readonly center: string;
  readonly trust: 'unknown-signer' | 'unsigned';
  /** The signing key's fingerprint (SHA-256 of its SPKI), for an unknown signer. */
  readonly signer?: string;
  /** Set when another key (or an unsigned bundle) already claims this center. */
  readonly warning?: ClaimConflict;
}

export type ImportStep =
  | { readonly kind: 'done' }
  | { readonly kind: 'needs-passphrase'; readonly wrong?: true }
  | { readonly kind: 'confirm'; readonly question: TrustQuestion };

interface Pending {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly summary: BundleSummary;
  readonly manifest: Manifest;
}

// The verified bytes wait here, not in the store: the answer keeps exactly what was verified.
let pending: Pending | null = null;

function warningFor(summary: BundleSummary): ClaimConflict | undefined {
  const s = useStore.getState();
  const who = summary.signer ?? UNSIGNED;
  return claimConflict(
    summary.center,
    otherClaimants(summary.center, who, s.library, s.trustedKeys),
  );
}

async function keep(p: Pending, summary: BundleSummary, warning: ClaimConflict | undefined) {
  await db.putBundle({
    summary,
    fileName: p.fileName,
    origin: 'imported',
    importedAt: new Date().toISOString(),
    manifest: p.manifest,
    bytes: p.bytes,
  });
  await refreshLibrary();
  useStore.getState().setImportOutcome({
    ok: true,
    fileName: p.fileName,
    center: summary.center,
    ...(summary.trust === 'unsigned' ? { unsigned: true } : {}),
    ...(warning ? { warning } : {}),
  });
}

export async function importBundleFile(file: File, passphrase?: string): Promise<ImportStep> {
  pending = null;
  // The file's bytes are the canonical bundle: the zip reader accepts only zips with one reading
  // of every byte (core/bundle/readZip.ts), the worker verifies a copy of these, and these are kept.
  const bytes = new Uint8Array(await file.arrayBuffer());
  const trusted = (await db.listTrusted()).map((k) => k.fingerprint);
  const own = await db.getSigningKey();
  if (own) trusted.push(own.fingerprint);
  const result = await bundleWorker.call(undefined, 'verify', bytes, trusted, passphrase);
  const setOutcome = useStore.getState().setImportOutcome;
  if (!result.ok) {
    if (result.error.code === 'ENCRYPTED' && passphrase === undefined)
      return { kind: 'needs-passphrase' };
    // A wrong passphrase asks again for the same file: the user should not pick it again.
    if (result.error.code === 'WRONG_PASSPHRASE') return { kind: 'needs-passphrase', wrong: true };
    setOutcome({ ok: false, fileName: file.name, error: result.error });
    return { kind: 'done' };
  }
  const { summary, manifest } = result.value;
  const p: Pending = { fileName: file.name, bytes, summary, manifest };
  const warning = warningFor(summary);
  if (summary.trust === 'trusted') {
    await keep(p, summary, warning);
    return { kind: 'done' };
  }
  pending = p;
  const trust = summary.trust === 'unknown-signer' ? 'unknown-signer' : 'unsigned';
  return {
    kind: 'confirm',
    question: {
      fileName: file.name,
      center: summary.center,
      trust,
      ...(summary.signer ? { signer: summary.signer } : {}),
      ...(warning ? { warning } : {}),
    },
  };
}

/** The user's yes: trust the signer's key (kept in IndexedDB, revocable) and keep the bundle. */
export async function acceptPendingImport(): Promise<void> {
  const p = pending;
  pending = null;
  if (!p) return;
  const warning = warningFor(p.summary);
  const { signer, signerPem } = p.summary;
  if (p.summary.trust === 'unknown-signer' && signer && signerPem) {
    await db.putTrusted({
      fingerprint: signer,
      name: p.summary.center,
      pem: signerPem,
      center: p.summary.center,
      how: 'first-use',
      trustedAt: new Date().toISOString(),
    });
    await keep(p, { ...p.summary, trust: 'trusted' }, warning);
  } else await keep(p, p.summary, warning);
}

/** The user's no: nothing of the bundle is kept. */
export function declinePendingImport(): void {
  const fileName = pending?.fileName ?? '';
  pending = null;
  useStore.getState().setImportOutcome({
    ok: false,
    fileName,
    error: {
      code: 'IMPORT_DECLINED',
      reason: 'You chose not to import it.',
      params: {},
    },
  });
}

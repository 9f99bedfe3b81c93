// Verify a bundle completely before anything of it is kept; the summary is what the library lists,
// with who signed it and whether that key is trusted (the page asks before keeping any other).
import { exportPublicKeyPem, importPublicKeyJwk } from '../crypto/keys.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import { verifyBundle, type Trust } from './verifyBundle.ts';
import type { BundleError, Manifest } from './types.ts';

export interface BundleSummary {
  /** SHA-256 of the bundle's bytes as received. */
  readonly id: string;
  readonly center: string;
  readonly createdAt: string;
  readonly software: string;
  /** Fingerprint of the key that signed it, trusted or not. */
  readonly signer?: string;
  /** Whether that key was trusted when the bundle was verified (absent in older entries). */
  readonly trust?: Trust['status'];
  /** The signer's public key, so the page can offer to trust it (trust on first use). */
  readonly signerPem?: string;
  readonly counts: {
    readonly features: number;
    readonly predictions: number;
    readonly edges: number;
  };
}

export type ImportResult =
  | { readonly ok: true; readonly summary: BundleSummary; readonly manifest: Manifest }
  | { readonly ok: false; readonly error: BundleError };

export async function verifyForImport(
  bytes: Uint8Array,
  trustedKeys: readonly string[],
  passphrase: string | undefined,
): Promise<ImportResult> {
  const result = await verifyBundle(bytes, {
    trustedKeys,
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
  if (!result.ok) return { ok: false, error: result.error };
  const { manifest, signer, signerKey, trust } = result.bundle;
  const r = manifest.results;
  return {
    ok: true,
    manifest,
    summary: {
      id: await sha256Hex(bytes),
      center: manifest.center.name,
      createdAt: manifest.createdAt,
      software: `${manifest.software.name} ${manifest.software.version}`,
      ...(signer ? { signer } : {}),
      trust: trust.status,
      ...(signerKey
        ? { signerPem: await exportPublicKeyPem(await importPublicKeyJwk(signerKey)) }
        : {}),
      counts: {
        features: r.features.length,
        predictions: r.predictions.length,
        edges: r.edges.length,
      },
    },
  };
}

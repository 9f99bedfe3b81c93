// Verify a bundle completely before anything of it is kept; the summary is what the library lists.
import { sha256Hex } from '../crypto/sha256.ts';
import { verifyBundle } from './verifyBundle.ts';
import type { BundleError, Manifest } from './types.ts';

export interface BundleSummary {
  /** SHA-256 of the bundle's bytes as received. */
  readonly id: string;
  readonly center: string;
  readonly createdAt: string;
  readonly software: string;
  readonly signer?: string;
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
  const { manifest, signer } = result.bundle;
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
      counts: {
        features: r.features.length,
        predictions: r.predictions.length,
        edges: r.edges.length,
      },
    },
  };
}

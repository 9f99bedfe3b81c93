// Verify a bundle completely before anything of it is kept; the summary is what the library lists.
import { sha256Hex } from '../core/bundle/sha256.ts';
import { verifyBundle } from '../core/bundle/verifyBundle.ts';
import type { ImportResult } from './bundleTypes.ts';

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

// The bundle library: what IndexedDB holds, mirrored into the store as summaries.
import type { Manifest } from '../../../core/bundle/types.ts';
import * as db from '../../persist/db.ts';
import { useStore } from '../../store/store.ts';

function entry(b: db.StoredBundle) {
  return {
    summary: b.summary,
    fileName: b.fileName,
    origin: b.origin,
    importedAt: b.importedAt,
  };
}

/** Load library, trusted keys and signing key from IndexedDB (at start-up, after each change). */
export async function refreshLibrary(): Promise<void> {
  const [bundles, trusted, signing] = await Promise.all([
    db.listBundles(),
    db.listTrusted(),
    db.getSigningKey(),
  ]);
  const s = useStore.getState();
  s.setLibrary(bundles.map(entry).sort((a, b) => (a.importedAt < b.importedAt ? -1 : 1)));
  s.setTrustedKeys(
    trusted.map(({ fingerprint, name, center, how, trustedAt }) => ({
      fingerprint,
      name,
      ...(center !== undefined ? { center } : {}),
      ...(how ? { how } : {}),
      ...(trustedAt ? { trustedAt } : {}),
    })),
  );
  s.setSigningKey(
    signing ? { fingerprint: signing.fingerprint, publicPem: signing.publicPem } : null,
  );
}

export async function deleteFromLibrary(id: string): Promise<void> {
  await db.deleteBundle(id);
  await refreshLibrary();
}

export async function manifestsOf(ids: readonly string[]): Promise<Manifest[]> {
  const all = await db.listBundles();
  return ids.flatMap((id) => all.filter((b) => b.summary.id === id).map((b) => b.manifest));
}

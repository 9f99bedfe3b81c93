// This center's bundle workbench state, kept in IndexedDB so it survives a reload: accepted
// bundles, trusted partner keys, and the center's own signing key (its private half is a
// non-extractable CryptoKey, so not even this page can read it out).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Manifest } from '../../core/bundle/types.ts';
import type { BundleSummary, SigningKey } from '../../workers/bundleTypes.ts';

export interface StoredBundle {
  readonly summary: BundleSummary;
  readonly fileName: string;
  readonly origin: 'imported' | 'exported';
  readonly importedAt: string;
  readonly manifest: Manifest;
  readonly bytes: Uint8Array;
}

export interface TrustedKey {
  readonly fingerprint: string;
  readonly name: string;
  readonly pem: string;
}

interface BundlesDb extends DBSchema {
  bundles: { key: string; value: StoredBundle };
  trusted: { key: string; value: TrustedKey };
  signing: { key: 'own'; value: SigningKey };
}

let db: Promise<IDBPDatabase<BundlesDb>> | undefined;

function open(): Promise<IDBPDatabase<BundlesDb>> {
  db ??= openDB<BundlesDb>('consilium-bundles', 1, {
    upgrade(d) {
      d.createObjectStore('bundles', { keyPath: 'summary.id' });
      d.createObjectStore('trusted', { keyPath: 'fingerprint' });
      d.createObjectStore('signing');
    },
  });
  return db;
}

export async function listBundles(): Promise<StoredBundle[]> {
  return (await open()).getAll('bundles');
}

export async function putBundle(b: StoredBundle): Promise<void> {
  await (await open()).put('bundles', b);
}

export async function deleteBundle(id: string): Promise<void> {
  await (await open()).delete('bundles', id);
}

export async function listTrusted(): Promise<TrustedKey[]> {
  return (await open()).getAll('trusted');
}

export async function putTrusted(k: TrustedKey): Promise<void> {
  await (await open()).put('trusted', k);
}

export async function deleteTrusted(fingerprint: string): Promise<void> {
  await (await open()).delete('trusted', fingerprint);
}

export async function getSigningKey(): Promise<SigningKey | undefined> {
  return (await open()).get('signing', 'own');
}

export async function putSigningKey(k: SigningKey): Promise<void> {
  await (await open()).put('signing', k, 'own');
}

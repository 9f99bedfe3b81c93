// This center's bundle workbench state, kept in IndexedDB so it survives a reload: accepted
// bundles, trusted partner keys (from key files, or trusted on first use at an import; removing
// one revokes it), the center's own signing key (its private half is a
// non-extractable CryptoKey, so not even this page can read it out) and the ground-truth labels
// typed or imported per series (keyed by local series UID; they never leave this browser
// except, pseudonymised, inside an exported bundle), predictions, measurements, and the
// Analysis tab's ROIs, results and settings.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Manifest } from '../../core/bundle/types.ts';
import type { BundleSummary } from '../../core/bundle/importSummary.ts';
import type { SigningKey } from '../../workers/bundle.worker.ts';
import type { AnalysisResult, AnalysisSettings, Roi } from '../analysis/types.ts';
import type { Measurement } from '../store/measurementsSlice.ts';
import type { StoredPrediction } from '../store/predictionsSlice.ts';

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
  /** The center its first bundle claimed, when it was trusted on first use at an import. */
  readonly center?: string;
  /** How it came to be trusted: its public key file, or the user's answer at an import. */
  readonly how?: 'key-file' | 'first-use';
  readonly trustedAt?: string;
}

/** One series of the last session, so a reload can ask for its files again. */
export interface SessionSeries {
  readonly seriesUid: string;
  readonly title: string;
  readonly files: readonly string[];
}

interface BundlesDb extends DBSchema {
  bundles: { key: string; value: StoredBundle };
  trusted: { key: string; value: TrustedKey };
  signing: { key: 'own'; value: SigningKey };
  labels: { key: string; value: string };
  /** Classifier results by prediction id (SOP Instance UID, frame, model hash). */
  predictions: { key: string; value: StoredPrediction };
  /** The series loaded in the last session, by series UID. */
  session: { key: string; value: SessionSeries };
  /** Measurements drawn in the viewer, by id (viewer/measure). */
  measurements: { key: string; value: Measurement };
  /** ROIs drawn or imported, by id; each names its series by UID. */
  rois: { key: string; value: Roi };
  /** Analysis results by key (series UID, position, ROI and settings hash). */
  results: { key: string; value: AnalysisResult };
  /** Single values: the analysis settings, the last run's shown results, the opened folder. */
  prefs: { key: PrefKey; value: unknown };
}

/** What the prefs store holds under each key. */
export interface Prefs {
  analysisSettings: AnalysisSettings;
  shownKeys: string[];
  /** The folder last opened through the File System Access API, to ask for again. */
  folder: FileSystemDirectoryHandle;
}
export type PrefKey = keyof Prefs;

let db: Promise<IDBPDatabase<BundlesDb>> | undefined;

function open(): Promise<IDBPDatabase<BundlesDb>> {
  db ??= openDB<BundlesDb>('consilium-bundles', 5, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('bundles', { keyPath: 'summary.id' });
        d.createObjectStore('trusted', { keyPath: 'fingerprint' });
        d.createObjectStore('signing');
      }
      if (oldVersion < 2) d.createObjectStore('labels');
      if (oldVersion < 3) {
        d.createObjectStore('predictions', { keyPath: 'id' });
        d.createObjectStore('session', { keyPath: 'seriesUid' });
      }
      if (oldVersion < 4) d.createObjectStore('measurements', { keyPath: 'id' });
      // Version 5: the Analysis tab's ROIs, results and settings, and the opened folder.
      if (oldVersion < 5) {
        d.createObjectStore('rois', { keyPath: 'id' });
        d.createObjectStore('results', { keyPath: 'key' });
        d.createObjectStore('prefs');
      }
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

export async function allLabels(): Promise<Record<string, string>> {
  const d = await open();
  const [keys, values] = await Promise.all([d.getAllKeys('labels'), d.getAll('labels')]);
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
}

/** Writes labels; a null label deletes the series' label. */
export async function saveLabels(changes: Record<string, string | null>): Promise<void> {
  const tx = (await open()).transaction('labels', 'readwrite');
  for (const [uid, label] of Object.entries(changes)) {
    void (label === null ? tx.store.delete(uid) : tx.store.put(label, uid));
  }
  await tx.done;
}

export async function allPredictions(): Promise<StoredPrediction[]> {
  return (await open()).getAll('predictions');
}

/** Writes predictions; an id given alone (a string) deletes that prediction. */
export async function savePredictions(
  changes: readonly (StoredPrediction | string)[],
): Promise<void> {
  const tx = (await open()).transaction('predictions', 'readwrite');
  for (const c of changes) void (typeof c === 'string' ? tx.store.delete(c) : tx.store.put(c));
  await tx.done;
}

export async function sessionSeries(): Promise<SessionSeries[]> {
  return (await open()).getAll('session');
}

/** Records the series now loaded (added to those of earlier sessions not yet re-opened). */
export async function saveSessionSeries(series: readonly SessionSeries[]): Promise<void> {
  const tx = (await open()).transaction('session', 'readwrite');
  for (const s of series) void tx.store.put(s);
  await tx.done;
}

export async function forgetSessionSeries(): Promise<void> {
  await (await open()).clear('session');
}

export async function allMeasurements(): Promise<Measurement[]> {
  return (await open()).getAll('measurements');
}

/** Writes measurements; an id given alone (a string) deletes that measurement. */
export async function saveMeasurements(changes: readonly (Measurement | string)[]): Promise<void> {
  const tx = (await open()).transaction('measurements', 'readwrite');
  for (const c of changes) void (typeof c === 'string' ? tx.store.delete(c) : tx.store.put(c));
  await tx.done;
}

export async function allRois(): Promise<Roi[]> {
  return (await open()).getAll('rois');
}

export async function allResults(): Promise<AnalysisResult[]> {
  return (await open()).getAll('results');
}

/** Writes ROIs and results; an id or key given alone (a string) deletes it. */
export async function saveAnalysis(
  rois: readonly (Roi | string)[],
  results: readonly AnalysisResult[],
): Promise<void> {
  const tx = (await open()).transaction(['rois', 'results'], 'readwrite');
  const r = tx.objectStore('rois');
  for (const c of rois) void (typeof c === 'string' ? r.delete(c) : r.put(c));
  const res = tx.objectStore('results');
  for (const c of results) void res.put(c);
  await tx.done;
}

export async function getPref<K extends PrefKey>(key: K): Promise<Prefs[K] | undefined> {
  return (await (await open()).get('prefs', key)) as Prefs[K] | undefined;
}

export async function putPref<K extends PrefKey>(key: K, value: Prefs[K]): Promise<void> {
  await (await open()).put('prefs', value, key);
}

export async function deletePref(key: PrefKey): Promise<void> {
  await (await open()).delete('prefs', key);
}

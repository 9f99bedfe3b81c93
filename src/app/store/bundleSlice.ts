// Bundle workbench state: metadata only. Bundle bytes live in IndexedDB (app/persist), pixel
// data in the frame cache; the collaboration key lives here in memory and is never exported.
import type { ClaimConflict } from '../bundles/centerClaims.ts';
import type { StateCreator } from 'zustand';
import type { Problem } from '../../core/result.ts';
import type { BundleSummary } from '../../core/bundle/importSummary.ts';
import type { LocalFeatures } from '../../core/pipeline/types.ts';
import type { AppState } from './store.ts';

export interface LibraryEntry {
  readonly summary: BundleSummary;
  readonly fileName: string;
  readonly origin: 'imported' | 'exported';
  readonly importedAt: string;
}

export interface TrustedKeyEntry {
  readonly fingerprint: string;
  readonly name: string;
  /** The center its first bundle claimed, when trusted on first use. */
  readonly center?: string;
  readonly how?: 'key-file' | 'first-use';
  readonly trustedAt?: string;
}

export type ImportOutcome =
  | {
      readonly ok: true;
      readonly fileName: string;
      readonly center: string;
      /** Kept although not signed by a trusted key, because the user said so. */
      readonly unsigned?: boolean;
      /** The center name is also claimed by another key. */
      readonly warning?: ClaimConflict;
    }
  | { readonly ok: false; readonly fileName: string; readonly error: Problem };

export interface FeatureJob {
  readonly done: number;
  readonly total: number;
  readonly running: boolean;
  /** The series whose features could not be computed, and why. */
  readonly failures?: readonly { readonly series: string; readonly problem: Problem }[];
}

export interface BundleSlice {
  collaborationKey: { readonly secret: string | Uint8Array; readonly label: string } | null;
  localFeatures: Record<string, LocalFeatures>;
  featureJob: FeatureJob;
  library: LibraryEntry[];
  trustedKeys: TrustedKeyEntry[];
  signingKey: { readonly fingerprint: string; readonly publicPem: string } | null;
  importOutcome: ImportOutcome | null;
  setCollaborationKey: (key: BundleSlice['collaborationKey']) => void;
  putLocalFeatures: (f: LocalFeatures) => void;
  setFeatureJob: (job: FeatureJob) => void;
  setLibrary: (library: LibraryEntry[]) => void;
  setTrustedKeys: (keys: TrustedKeyEntry[]) => void;
  setSigningKey: (key: BundleSlice['signingKey']) => void;
  setImportOutcome: (outcome: ImportOutcome | null) => void;
}

export const createBundleSlice: StateCreator<AppState, [], [], BundleSlice> = (set) => ({
  collaborationKey: null,
  localFeatures: {},
  featureJob: { done: 0, total: 0, running: false },
  library: [],
  trustedKeys: [],
  signingKey: null,
  importOutcome: null,
  setCollaborationKey: (collaborationKey) => set({ collaborationKey }),
  putLocalFeatures: (f) =>
    set((s) => ({ localFeatures: { ...s.localFeatures, [f.seriesUid]: f } })),
  setFeatureJob: (featureJob) => set({ featureJob }),
  setLibrary: (library) => set({ library }),
  setTrustedKeys: (trustedKeys) => set({ trustedKeys }),
  setSigningKey: (signingKey) => set({ signingKey }),
  setImportOutcome: (importOutcome) => set({ importOutcome }),
});

// Message shapes of the bundle worker, declared once and shared by the page and the worker.
import type { FeatureSet } from '../core/analysis/computeFeatures.ts';
import type { AnalysisSource } from '../core/bundle/fromAnalysis.ts';
import type { BundleError, Manifest, ModelRef } from '../core/bundle/types.ts';
import type { ReportDates } from '../core/dicom/sr/studyReport.ts';

/** Features of one series, still keyed by its real identifiers: they never leave the page as such. */
export interface LocalFeatures {
  readonly seriesUid: string;
  readonly source: AnalysisSource;
  readonly roi: {
    readonly name: string;
    readonly description: { readonly [key: string]: string | number };
  };
  readonly set: FeatureSet;
}

/** A classifier output on one series (the series aggregate), before pseudonymisation. */
export interface LocalPrediction {
  readonly seriesUid: string;
  readonly source: AnalysisSource;
  readonly model: ModelRef;
  readonly probabilities: { readonly [label: string]: number };
  readonly predicted: string;
  /** The images the aggregate came from and the study date: only for the study's DICOM SR. */
  readonly images: readonly { readonly sopClassUid: string; readonly sopInstanceUid: string }[];
  readonly studyDate: string;
}

export interface ExportRequest {
  readonly center: string;
  /** The collaboration key: a passphrase or a key file's bytes. Used for HMAC only, never written. */
  readonly secret: string | Uint8Array;
  readonly features: readonly LocalFeatures[];
  readonly predictions: readonly LocalPrediction[];
  /** Ground truth per series UID. */
  readonly labels: { readonly [seriesUid: string]: string };
  /** Study dates in the per-study SR: removed, or shifted by the patient's keyed offset. */
  readonly reportDates: ReportDates;
  readonly signWith?: { readonly privateKey: CryptoKey; readonly publicKey: CryptoKey };
  readonly passphrase?: string;
}

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

export interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicPem: string;
  readonly fingerprint: string;
}

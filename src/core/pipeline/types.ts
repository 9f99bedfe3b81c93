// What the pipeline carries between its steps: a series' results under their real identifiers
// (they never leave the machine as such), and the request that turns them into a bundle.
import type { FeatureSet } from '../analysis/computeFeatures.ts';
import type { AnalysisSource } from '../bundle/fromAnalysis.ts';
import type { ModelRef } from '../bundle/types.ts';
import type { KeyPairHandle } from '../crypto/subtle.ts';
import type { ReportDates } from '../bundle/sr/studyReport.ts';

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
  readonly signWith?: KeyPairHandle;
  readonly passphrase?: string;
}

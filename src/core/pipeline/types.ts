// What the pipeline carries between its steps: one series as a frame source, its results under
// their real identifiers (they never leave the machine as such), and the request that turns
// results into a bundle. The workbench and the command line fill these the same way.
import type { FeatureSet } from '../analysis/computeFeatures.ts';
import type { AnalysisSource } from '../bundle/fromAnalysis.ts';
import type { ModelRef } from '../bundle/types.ts';
import type { ReportMeasurement } from '../bundle/sr/measurementGroups.ts';
import type { ReportDates } from '../bundle/sr/studyReport.ts';
import type { KeyPairHandle } from '../crypto/subtle.ts';
import type { DecodedFrame, InstanceMeta } from '../dicom/types.ts';
import type { Problem } from '../result.ts';

/** The pixels of one decoded frame: all the pipeline needs of it. */
export type FramePixels = Pick<DecodedFrame, 'values' | 'columns' | 'rows' | 'samplesPerPixel'>;

/**
 * One series, in display order. Frames are asked for one at a time, so a source can decode on
 * demand, read a cache, or hold them all; the pipeline never needs two copies of a series.
 */
export interface SeriesSource<F extends FramePixels = FramePixels> {
  readonly seriesInstanceUid: string;
  /** One entry per frame, in display order (a multi-frame instance appears once per frame). */
  readonly metas: readonly InstanceMeta[];
  frame(index: number): Promise<F>;
}

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
  /** How the series prediction was made from its images' predictions. */
  readonly rule: string;
  /** The images the aggregate came from and the study date: only for the study's DICOM SR. */
  readonly images: readonly { readonly sopClassUid: string; readonly sopInstanceUid: string }[];
  readonly studyDate: string;
}

/** Everything one series gave: its results, and what could not be done, in plain words. */
export interface SeriesResults {
  readonly seriesUid: string;
  readonly features: readonly LocalFeatures[];
  readonly predictions: readonly LocalPrediction[];
  /** A failed analysis (code `analysis-failed`, …) or a series outside a model's scope. */
  readonly problems: readonly Problem[];
}

/** A reader's measurement on one image, with its study's real identifiers: it goes into that
 * study's SR as a TID 1500 measurement group, every UID pseudonymised there. */
export interface LocalMeasurement {
  readonly patientId: string;
  readonly studyInstanceUid: string;
  readonly studyDate: string;
  readonly measurement: ReportMeasurement;
}

export interface ExportRequest {
  readonly center: string;
  /**
   * The collaboration key's bytes, made by the one rule of core/crypto/secret.ts (typed text as
   * UTF-8; a key file less one trailing line end). Used for HMAC only, never written.
   */
  readonly secret: Uint8Array;
  readonly features: readonly LocalFeatures[];
  readonly predictions: readonly LocalPrediction[];
  /** Measurements drawn in the viewer; absent or empty: the SRs hold predictions only. */
  readonly measurements?: readonly LocalMeasurement[];
  /** Ground truth per series UID (see labelsCsv.ts for the CSV rule). */
  readonly labels: { readonly [seriesUid: string]: string };
  /** Study dates in the per-study SR: removed, or shifted by the patient's keyed offset. */
  readonly reportDates: ReportDates;
  readonly signWith?: KeyPairHandle;
  readonly passphrase?: string;
  /** ISO 8601 UTC time of the export; defaults to now. */
  readonly createdAt?: string;
}

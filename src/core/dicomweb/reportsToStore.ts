// The per-study reports (TID 1500, predictions and features) to store back on a PACS, each with
// the study it goes into: for the hospital's own PACS the identified report (sourceReports.ts:
// real identifiers, so it files beside the images); for a de-identified research PACS the
// pseudonymised report (studyReport.ts, as in a bundle: case keys, keyed UIDs, dates removed or
// shifted), stored into the pseudonymised study, where the de-identifier put the study's images.
import type { SourceImage } from '../bundle/sr/measurementReport.ts';
import { studyReport, type ReportDates } from '../bundle/sr/studyReport.ts';
import { featureResultFromAnalysis } from '../bundle/fromAnalysis.ts';
import type { FeatureResult, PredictionResult } from '../bundle/types.ts';
import { importCollaborationKey } from '../crypto/hmac.ts';
import { pseudonymousKey, pseudonymousUid } from '../deid/pseudonym.ts';
import type { LocalFeatures, LocalPrediction } from '../pipeline/types.ts';
import { ProblemError } from '../result.ts';
import { SOFTWARE } from '../version.ts';
import { sourceStudyReports, type SourceReport } from './sourceReports.ts';

export interface ReportsRequest {
  readonly features: readonly LocalFeatures[];
  readonly predictions: readonly LocalPrediction[];
  /** The images of analysed series without a prediction, by series UID (the report lists them). */
  readonly seriesImages?: { readonly [seriesUid: string]: readonly SourceImage[] };
  /** Pseudonymised reports under the collaboration key; identified ones without. */
  readonly pseudonymised?: { readonly secret: Uint8Array; readonly reportDates: ReportDates };
  /** ISO 8601 UTC time: the reports' content date and time; defaults to now. */
  readonly createdAt?: string;
}

export interface ReportToStore extends SourceReport {
  /** The study as the user knows it (real UID), for messages; the target may be its pseudonym. */
  readonly sourceStudyInstanceUid: string;
}

/** One report per study with results; none is an error a person can act on. */
export async function reportsToStore(req: ReportsRequest): Promise<ReportToStore[]> {
  const createdAt = req.createdAt ?? new Date().toISOString();
  const reports = req.pseudonymised
    ? await pseudonymisedReports(req, req.pseudonymised, createdAt)
    : (
        await sourceStudyReports(req.features, req.predictions, createdAt, async (_, series) => [
          ...(req.seriesImages?.[series] ?? []),
        ])
      ).map((r) => ({ ...r, sourceStudyInstanceUid: r.studyInstanceUid }));
  if (reports.length === 0)
    throw new ProblemError(
      'stow-no-results',
      'there are no results to report: run an analysis, classify images or compute whole-image features first',
      {},
    );
  return reports;
}

/** One pseudonymised report per study (features and predictions), into the pseudonymised study. */
async function pseudonymisedReports(
  req: ReportsRequest,
  options: { readonly secret: Uint8Array; readonly reportDates: ReportDates },
  createdAt: string,
): Promise<ReportToStore[]> {
  const key = await importCollaborationKey(options.secret);
  interface Entry {
    patientId: string;
    studyDate: string;
    images: Map<string, SourceImage>;
    features: FeatureResult[];
    predictions: PredictionResult[];
  }
  const byStudy = new Map<string, Entry>();
  const entry = (studyUid: string, patientId: string): Entry => {
    let e = byStudy.get(studyUid);
    if (!e) {
      e = { patientId, studyDate: '', images: new Map(), features: [], predictions: [] };
      byStudy.set(studyUid, e);
    }
    return e;
  };
  for (const f of req.features) {
    const e = entry(f.source.studyInstanceUid, f.source.patientId);
    e.features.push(await featureResultFromAnalysis(key, f.source, f.roi, f.set));
    for (const im of req.seriesImages?.[f.source.seriesInstanceUid] ?? [])
      e.images.set(im.sopInstanceUid, im);
  }
  for (const p of req.predictions) {
    const e = entry(p.source.studyInstanceUid, p.source.patientId);
    e.studyDate ||= p.studyDate;
    for (const im of p.images)
      e.images.set(im.sopInstanceUid, { ...im, seriesInstanceUid: p.source.seriesInstanceUid });
    e.predictions.push({
      caseKey: await pseudonymousKey(key, 'patient', p.source.patientId),
      studyKey: await pseudonymousKey(key, 'study', p.source.studyInstanceUid),
      seriesKey: await pseudonymousKey(key, 'series', p.source.seriesInstanceUid),
      model: p.model,
      probabilities: p.probabilities,
      predicted: p.predicted,
    });
  }
  const out: ReportToStore[] = [];
  for (const [studyInstanceUid, e] of byStudy) {
    const { bytes } = await studyReport({
      key,
      patientId: e.patientId,
      studyInstanceUid,
      studyDate: e.studyDate,
      images: [...e.images.values()],
      predictions: e.predictions,
      features: e.features,
      dates: options.reportDates,
      software: SOFTWARE,
      createdAt,
    });
    out.push({
      studyInstanceUid: await pseudonymousUid(key, studyInstanceUid),
      sourceStudyInstanceUid: studyInstanceUid,
      bytes,
    });
  }
  return out;
}

// Results to a bundle: identifiers become HMAC pseudonyms under the collaboration key, each study
// gets its DICOM SR of the predictions and measurements, and the writer adds the manifest, checksums, signature and
// encryption. Real identifiers come in; only pseudonyms go out.
import { featureResultFromAnalysis } from '../bundle/fromAnalysis.ts';
import { studyReport } from '../bundle/sr/studyReport.ts';
import type { FeatureResult, PredictionResult } from '../bundle/types.ts';
import { writeBundle } from '../bundle/writeBundle.ts';
import { importCollaborationKey } from '../crypto/hmac.ts';
import type { CryptoKeyHandle } from '../crypto/subtle.ts';
import { pseudonymousKey } from '../deid/pseudonym.ts';
import { SOFTWARE } from '../version.ts';
import type { ExportRequest, LocalMeasurement, LocalPrediction } from './types.ts';

async function predictionResult(
  key: CryptoKeyHandle,
  p: LocalPrediction,
  label: string | undefined,
): Promise<PredictionResult> {
  return {
    caseKey: await pseudonymousKey(key, 'patient', p.source.patientId),
    studyKey: await pseudonymousKey(key, 'study', p.source.studyInstanceUid),
    seriesKey: await pseudonymousKey(key, 'series', p.source.seriesInstanceUid),
    model: p.model,
    probabilities: p.probabilities,
    predicted: p.predicted,
    ...(label ? { label } : {}),
  };
}

/** One SR per study, named by its study key, holding that study's pseudonymised predictions and
 * the reader's measurements on its images (TID 1500 measurement groups). */
async function studyReports(
  key: CryptoKeyHandle,
  req: ExportRequest,
  results: readonly PredictionResult[],
  createdAt: string,
): Promise<Record<string, Uint8Array>> {
  interface Study {
    patientId: string;
    studyDate: string;
    local: LocalPrediction[];
    results: PredictionResult[];
    measurements: LocalMeasurement[];
  }
  const byStudy = new Map<string, Study>();
  const studyOf = (uid: string, patientId: string, studyDate: string) => {
    let entry = byStudy.get(uid);
    if (!entry) {
      entry = { patientId, studyDate, local: [], results: [], measurements: [] };
      byStudy.set(uid, entry);
    }
    return entry;
  };
  req.predictions.forEach((p, i) => {
    const entry = studyOf(p.source.studyInstanceUid, p.source.patientId, p.studyDate);
    entry.local.push(p);
    entry.results.push(results[i]);
  });
  for (const m of req.measurements ?? [])
    studyOf(m.studyInstanceUid, m.patientId, m.studyDate).measurements.push(m);
  const members: Record<string, Uint8Array> = {};
  for (const [studyInstanceUid, study] of byStudy) {
    const seen = new Set<string>();
    const images = study.local.flatMap((p) =>
      p.images
        .filter((im) => !seen.has(im.sopInstanceUid) && seen.add(im.sopInstanceUid))
        .map((im) => ({ ...im, seriesInstanceUid: p.source.seriesInstanceUid })),
    );
    const { studyKey, bytes } = await studyReport({
      key,
      patientId: study.patientId,
      studyInstanceUid,
      studyDate: study.studyDate,
      images,
      predictions: study.results,
      measurements: study.measurements.map((m) => m.measurement),
      dates: req.reportDates,
      software: SOFTWARE,
      createdAt,
    });
    members[`sr/${studyKey}.dcm`] = bytes;
  }
  return members;
}

export async function bundleFromResults(req: ExportRequest): Promise<Uint8Array> {
  const key = await importCollaborationKey(req.secret);
  const features: FeatureResult[] = [];
  for (const f of req.features)
    features.push(
      await featureResultFromAnalysis(key, f.source, f.roi, f.set, req.labels[f.seriesUid]),
    );
  const predictions: PredictionResult[] = [];
  for (const p of req.predictions)
    predictions.push(await predictionResult(key, p, req.labels[p.seriesUid]));
  const createdAt = req.createdAt ?? new Date().toISOString();
  return writeBundle({
    center: req.center,
    software: SOFTWARE,
    createdAt,
    results: { features, predictions, edges: [] },
    extraMembers: await studyReports(key, req, predictions, createdAt),
    ...(req.signWith ? { signWith: req.signWith } : {}),
    ...(req.passphrase !== undefined ? { passphrase: req.passphrase } : {}),
  });
}

// Results to a bundle: identifiers become HMAC pseudonyms under the collaboration key, each study
// gets its DICOM SR of the predictions, and the writer adds the manifest, checksums, signature and
// encryption. Real identifiers come in; only pseudonyms go out.
import { featureResultFromAnalysis } from '../bundle/fromAnalysis.ts';
import { studyReport } from '../bundle/sr/studyReport.ts';
import type { FeatureResult, PredictionResult } from '../bundle/types.ts';
import { writeBundle } from '../bundle/writeBundle.ts';
import { importCollaborationKey } from '../crypto/hmac.ts';
import type { CryptoKeyHandle } from '../crypto/subtle.ts';
import { pseudonymousKey } from '../deid/pseudonym.ts';
import { SOFTWARE } from '../version.ts';
import type { ExportRequest, LocalPrediction } from './types.ts';

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

/** One SR per study, named by its study key, holding that study's pseudonymised predictions. */
async function studyReports(
  key: CryptoKeyHandle,
  req: ExportRequest,
  results: readonly PredictionResult[],
  createdAt: string,
): Promise<Record<string, Uint8Array>> {
  const byStudy = new Map<string, { local: LocalPrediction[]; results: PredictionResult[] }>();
  req.predictions.forEach((p, i) => {
    const uid = p.source.studyInstanceUid;
    const entry = byStudy.get(uid) ?? { local: [], results: [] };
    entry.local.push(p);
    entry.results.push(results[i]);
    byStudy.set(uid, entry);
  });
  const members: Record<string, Uint8Array> = {};
  for (const [studyInstanceUid, { local, results: studyResults }] of byStudy) {
    const seen = new Set<string>();
    const images = local.flatMap((p) =>
      p.images
        .filter((im) => !seen.has(im.sopInstanceUid) && seen.add(im.sopInstanceUid))
        .map((im) => ({ ...im, seriesInstanceUid: p.source.seriesInstanceUid })),
    );
    const { studyKey, bytes } = await studyReport({
      key,
      patientId: local[0].source.patientId,
      studyInstanceUid,
      studyDate: local[0].studyDate,
      images,
      predictions: studyResults,
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

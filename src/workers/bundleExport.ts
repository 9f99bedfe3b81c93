// Pseudonymise local results under the collaboration key and write the bundle. Real identifiers
// come in; only HMAC pseudonyms go out (the core's featureResultFromAnalysis does the keying).
import { featureResultFromAnalysis } from '../core/bundle/fromAnalysis.ts';
import type { CryptoKeyHandle } from '../core/bundle/subtle.ts';
import type { FeatureResult, PredictionResult } from '../core/bundle/types.ts';
import { writeBundle } from '../core/bundle/writeBundle.ts';
import { importCollaborationKey } from '../core/deid/hmac.ts';
import { pseudonymousKey } from '../core/deid/pseudonym.ts';
import type { ExportRequest, LocalPrediction } from './bundleTypes.ts';

export const SOFTWARE = { name: 'consilium', version: '0.1.0' } as const;

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

export async function exportBundle(req: ExportRequest): Promise<Uint8Array> {
  const key = await importCollaborationKey(req.secret);
  const features: FeatureResult[] = [];
  for (const f of req.features) {
    features.push(
      await featureResultFromAnalysis(key, f.source, f.roi, f.set, req.labels[f.seriesUid]),
    );
  }
  const predictions: PredictionResult[] = [];
  for (const p of req.predictions)
    predictions.push(await predictionResult(key, p, req.labels[p.seriesUid]));
  return writeBundle({
    center: req.center,
    software: SOFTWARE,
    results: { features, predictions, edges: [] },
    ...(req.signWith
      ? {
          signWith: {
            privateKey: req.signWith.privateKey as unknown as CryptoKeyHandle,
            publicKey: req.signWith.publicKey as unknown as CryptoKeyHandle,
          },
        }
      : {}),
    ...(req.passphrase ? { passphrase: req.passphrase } : {}),
  });
}

import type { FeatureSet } from '../analysis/computeFeatures';
import { pseudonymousKey } from '../deid/pseudonym';
import { paramsHash } from './paramsHash';
import type { CryptoKeyHandle } from '../crypto/subtle';
import type { Feature, FeatureResult, JsonValue } from './types';

export interface AnalysisSource {
  readonly patientId: string;
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid?: string;
}

const IBSI_CODE = /^[A-Z0-9]{4}$/;

/** A feature set as a bundle record: identifiers become keyed pseudonyms, parameters get their hash. */
export async function featureResultFromAnalysis(
  key: CryptoKeyHandle,
  source: AnalysisSource,
  roi: { readonly name: string; readonly description: JsonValue },
  set: FeatureSet,
  label?: string,
): Promise<FeatureResult> {
  const params = JSON.parse(JSON.stringify({ ...set.params, roi: roi.description })) as {
    [key: string]: JsonValue;
  };
  const seen = new Set<string>();
  const features: Feature[] = [];
  for (const f of set.features) {
    // One value per code: a bundle result holds one aggregation, the one its params name.
    if (!IBSI_CODE.test(f.ibsiCode) || seen.has(f.ibsiCode)) continue;
    seen.add(f.ibsiCode);
    features.push({
      name: f.name,
      code: f.ibsiCode,
      value: Number.isFinite(f.value) ? f.value : null,
    });
  }
  return {
    caseKey: await pseudonymousKey(key, 'patient', source.patientId),
    studyKey: await pseudonymousKey(key, 'study', source.studyInstanceUid),
    seriesKey: await pseudonymousKey(key, 'series', source.seriesInstanceUid),
    ...(source.sopInstanceUid
      ? { instanceKey: await pseudonymousKey(key, 'instance', source.sopInstanceUid) }
      : {}),
    roi: roi.name,
    features,
    params,
    paramsHash: await paramsHash(params),
    ...(label ? { label } : {}),
  };
}

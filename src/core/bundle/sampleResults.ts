import { paramsHash } from './paramsHash';
import type { BundleResults, JsonValue } from './types';

// A small, fully synthetic result set (keys are made-up hex, not pseudonyms of anyone) for tests
// and for documentation examples of the bundle format.
export const sampleParams: { [key: string]: JsonValue } = {
  discretisation: { method: 'FBN', bins: 32 },
  glcm: { distances: [1], aggregation: '2D:avg' },
  roi: 'whole-image',
};

export const sampleModel = { name: 'demo-classifier', version: '1.0.0', sha256: 'ab'.repeat(32) };

export function sampleCaseKey(i: number): string {
  return i.toString(16).padStart(32, '0');
}

export async function sampleResults(labels = true): Promise<BundleResults> {
  const hash = await paramsHash(sampleParams);
  const cases = [0, 1, 2, 3];
  return {
    features: cases.map((i) => ({
      caseKey: sampleCaseKey(i),
      studyKey: sampleCaseKey(100 + i),
      seriesKey: sampleCaseKey(200 + i),
      roi: 'whole-image',
      params: sampleParams,
      paramsHash: hash,
      features: [
        { name: 'Joint maximum', code: 'GYBY', value: 0.5 + i / 10 },
        { name: 'Mean', code: 'Q4LE', value: 10 * i - 3.25 },
      ],
      ...(labels ? { label: i % 2 ? 'malignant' : 'benign' } : {}),
    })),
    predictions: cases.map((i) => ({
      caseKey: sampleCaseKey(i),
      model: sampleModel,
      probabilities: { benign: 1 - i / 4, malignant: i / 4 },
      predicted: i / 4 >= 0.5 ? 'malignant' : 'benign',
      ...(labels ? { label: i % 2 ? 'malignant' : 'benign' } : {}),
    })),
    edges: [
      {
        caseKey: sampleCaseKey(0),
        params: sampleParams,
        paramsHash: hash,
        edgeFraction: 0.125,
        meanGradient: 3.5,
      },
    ],
  };
}

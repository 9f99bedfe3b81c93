// The feature-vector variant: picks the card's texture features, by name or IBSI code, from an
// analysis result into the model's float32 [N, F] rows, in the card's order.
import { InferenceFailure } from './errors.ts';
import type { FeatureInput } from './modelCard.ts';

/** One ROI's features, keyed by feature name or IBSI code. */
export type FeatureValues = Readonly<Record<string, number>>;

export function featureRow(values: FeatureValues, input: FeatureInput, file: string): Float32Array {
  const row = new Float32Array(input.features.length);
  const missing: string[] = [];
  input.features.forEach((f, i) => {
    const v = values[f.name] ?? values[f.ibsi];
    if (typeof v !== 'number' || !Number.isFinite(v)) missing.push(`${f.name} (${f.ibsi})`);
    else row[i] = v;
  });
  if (missing.length > 0) {
    throw new InferenceFailure(
      'feature-missing',
      file,
      `the model needs features that are missing or not finite: ${missing.join(', ')}`,
    );
  }
  return row;
}

// Computed features (as the analysis core reports them) as a feature model's input row, in the
// card's order. One value per IBSI code, the first one reported, as a bundle keeps them; looked
// up by code only, since IBSI names repeat across families.
import type { FeatureModelCard } from '../../inference/modelCard.ts';
import { ProblemError } from '../../result.ts';

export interface ComputedFeature {
  readonly ibsiCode: string;
  readonly value: number;
}

export function featureVector(
  features: readonly ComputedFeature[],
  card: FeatureModelCard,
  file: string,
): Float32Array {
  const byCode = new Map<string, number>();
  for (const f of features) if (!byCode.has(f.ibsiCode)) byCode.set(f.ibsiCode, f.value);
  const wanted = card.input.features;
  const row = new Float32Array(wanted.length);
  const missing: string[] = [];
  wanted.forEach((f, i) => {
    const v = byCode.get(f.ibsi);
    if (v === undefined || !Number.isFinite(v)) missing.push(`${f.name} (${f.ibsi})`);
    else row[i] = v;
  });
  if (missing.length > 0)
    throw new ProblemError(
      'feature-missing',
      `The model needs features that are missing or not finite for this ROI: ${missing.join(', ')}.`,
      { file, features: missing.join(', ') },
    );
  return row;
}

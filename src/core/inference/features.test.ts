import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { parseCard } from './card.ts';
import { createClassifier } from './classifier.ts';
import { InferenceFailure } from './errors.ts';
import { featureRow } from './features.ts';
import type { FeatureModelCard } from './modelCard.ts';

const fixtures = new URL('./fixtures/', import.meta.url);
const bytes = new Uint8Array(readFileSync(new URL('texture-logreg.onnx', fixtures)));
const card = parseCard(
  JSON.parse(readFileSync(new URL('texture-logreg.card.json', fixtures), 'utf8')),
  'texture-logreg.card.json',
) as FeatureModelCard;

// The fixture's hand-set weights (tools/train/make_texture_fixture.py).
function expected(x: number[]): number {
  const s0 = -2 * x[0] + 0.5 * x[1] + 0.01 * x[2] + 0.25;
  const s1 = -s0;
  return Math.exp(s1) / (Math.exp(s0) + Math.exp(s1));
}

describe('feature-vector models (ai.onnx.ml LinearClassifier)', () => {
  it("picks features by name or IBSI code in the card's order", () => {
    const row = featureRow(
      { 'stat.mean': 100, GYBY: 0.5, 'glcm.contrast': 2, 'glcm.energy': 9 },
      card.input,
      'roi-1',
    );
    expect(Array.from(row)).toEqual([0.5, 2, 100]);
  });

  it('says which features are missing', () => {
    try {
      featureRow({ GYBY: 0.5, 'stat.mean': NaN }, card.input, 'roi-2');
      expect.unreachable();
    } catch (err) {
      const e = (err as InferenceFailure).error;
      expect(e.code).toBe('feature-missing');
      expect(e.file).toBe('roi-2');
      expect(e.reason).toContain('glcm.contrast (ACUI), stat.mean (Q4LE)');
    }
  });

  it('gives the logistic-regression probabilities computed by hand', async () => {
    const classifier = await createClassifier(ort, bytes, card, { file: 'texture-logreg.onnx' });
    const rows = [
      [0.5, 2, 100],
      [0, 0, 0],
      [0.9, 1, -40],
    ];
    const inputs = rows.map((r) =>
      featureRow({ GYBY: r[0], ACUI: r[1], Q4LE: r[2] }, card.input, 'roi'),
    );
    const { predictions } = await classifier.predict(inputs);
    rows.forEach((r, i) => {
      expect(predictions[i].probabilities.suspicious).toBeCloseTo(expected(r), 5);
    });
    expect(predictions[0].predictedLabel).toBe('benign'); // p(suspicious) = 0.076
    await classifier.release();
  });
});

// A small two-center study for feature-model tests: cases scattered around one ROI's real
// feature values, labelled by a noisy linear rule through them, so a model trained on it puts
// that ROI near p = 0.5 (a probability that tests can compare, not one saturated at 0 or 1).
import { seededRandom } from '../../classifiers/random.ts';

export interface AnchorFeature {
  readonly name: string;
  readonly code: string;
  readonly value: number;
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** The study as `consilium study --out` writes it: caseKey, center, roi, label, "name [CODE]". */
export function studyCsvAround(anchor: readonly AnchorFeature[], cases = 80, seed = 7): string {
  const random = seededRandom(seed);
  const g = () => gaussian(random.next);
  const weights = anchor.map((_, j) => (j % 2 ? -0.7 : 1));
  const header = [
    'caseKey',
    'center',
    'roi',
    'label',
    ...anchor.map((f) => `${f.name} [${f.code}]`),
  ];
  const lines = [header.join(',')];
  for (let i = 0; i < cases; i++) {
    const z = anchor.map(() => g());
    const score = z.reduce((s, v, j) => s + v * weights[j], 0) + 0.6 * g();
    const values = anchor.map((f, j) => f.value + 0.3 * (Math.abs(f.value) + 1) * z[j]);
    const label = score > 0 ? 'high' : 'low';
    lines.push([`case${i}`, i % 2 ? 'north' : 'south', 'lesion', label, ...values].join(','));
  }
  return lines.join('\n') + '\n';
}

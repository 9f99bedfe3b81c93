// A seeded multi-center study for tests: `informative` features shift with the label, the rest
// are noise, and every feature gets a per-center offset and scale (a scanner-like center effect).
import { seededRandom } from '../../classifiers/random.ts';
import type { StudyData } from '../crossValidate.ts';

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

export function simulatedStudy(
  casesPerCenter: readonly number[],
  features: number,
  informative: number,
  seed = 1,
  centerEffect = 0.5,
): StudyData {
  const random = seededRandom(seed);
  const g = () => gaussian(random.next);
  const n = casesPerCenter.reduce((a, b) => a + b, 0);
  const x = new Float64Array(n * features);
  const y = new Uint8Array(n);
  const centers = new Int32Array(n);
  let i = 0;
  casesPerCenter.forEach((count, c) => {
    const offset = Array.from({ length: features }, () => centerEffect * g());
    const scale = Array.from({ length: features }, () => 1 + 0.2 * centerEffect * g());
    for (let k = 0; k < count; k++, i++) {
      y[i] = random.next() < 0.4 ? 1 : 0;
      centers[i] = c;
      for (let j = 0; j < features; j++) {
        const signal = j < informative ? (y[i] ? 0.8 : -0.8) : 0;
        x[i * features + j] = (signal + g()) * scale[j] + offset[j] + 10;
      }
    }
  });
  return {
    x: { rows: n, cols: features, data: x },
    y,
    centers,
    centerNames: casesPerCenter.map((_, c) => `center-${c + 1}`),
  };
}

// What fitPipeline refuses before training, found by its fast passes: a non-finite value
// anywhere (named by case and feature), and a feature that varies only in its last case.
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../result.ts';
import { fitPipeline } from './pipeline.ts';
import { seededRandom } from './random.ts';

function study(rows: number, cols: number) {
  const random = seededRandom(3);
  const data = Float64Array.from({ length: rows * cols }, () => random.next());
  const y = Uint8Array.from({ length: rows }, (_, i) => i % 2);
  return { x: { rows, cols, data }, y, centers: new Int32Array(rows) };
}

function refusal(f: () => unknown) {
  try {
    f();
  } catch (e) {
    return problemOf(e, 'unexpected');
  }
  throw new Error('fitPipeline trained');
}

describe('fitPipeline input checks', () => {
  it('names the first non-finite value, wherever it is and whatever kind', () => {
    for (const [at, value] of [
      [0, NaN],
      [5 * 9 + 3, Infinity],
      [61 * 9 + 8, -Infinity],
    ] as const) {
      const { x, y, centers } = study(62, 9);
      x.data[at] = value;
      const p = refusal(() => fitPipeline(x, y, centers, { family: 'logreg-l2' }));
      expect(p.code).toBe('non-finite');
      expect(p.params).toEqual({ case: Math.floor(at / 9), feature: at % 9 });
    }
  });

  it('keeps a feature that differs only in the last case and drops one that never does', () => {
    const { x, y, centers } = study(62, 9);
    for (let i = 0; i < 62; i++) {
      x.data[i * 9 + 2] = 7;
      x.data[i * 9 + 6] = i === 61 ? 8 : 7;
    }
    const p = fitPipeline(x, y, centers, { family: 'logreg-l2' });
    expect(Array.from(p.selected)).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
    expect(p.dropped?.map((d) => d.feature)).toEqual([2]);
  });
});

// A node's cases in split order come from sorting them or, for large nodes, from one scan of the
// presorted columns: both must grow the very same tree (ties, repeated values and bootstrap
// duplicates included).
import { describe, expect, it } from 'vitest';
import { growTree, presortColumns } from './cart.ts';
import { seededRandom } from './random.ts';

describe('CART tree', () => {
  it('grows the same tree with and without presorted columns', () => {
    const random = seededRandom(21);
    const n = 400;
    const p = 12;
    // Rounded values, so many ties; two constant columns; -0 and +0 in one column.
    const columns = Float32Array.from({ length: n * p }, (_, k) => {
      const j = Math.floor(k / n);
      if (j === 3) return 1.5;
      if (j === 7) return random.next() < 0.5 ? -0 : 0;
      return Math.round(random.next() * (j + 2) * 3) / 3;
    });
    const labels = Uint8Array.from({ length: n }, (_, i) =>
      columns[i] + columns[n + i] + random.next() > 2.5 ? 1 : 0,
    );
    const data = { rows: n, cols: p, columns, labels };
    const sorted = presortColumns(columns, n, p);
    for (let t = 0; t < 5; t++) {
      const weight = new Float64Array(n);
      const draw = seededRandom(t);
      for (let k = 0; k < n; k++) weight[draw.below(n)] += 1;
      const plain = growTree(data, weight, 3, seededRandom(100 + t));
      const fast = growTree({ ...data, sorted }, weight, 3, seededRandom(100 + t));
      expect(plain.feature.length).toBeGreaterThan(20);
      expect(Array.from(fast.feature)).toEqual(Array.from(plain.feature));
      expect(Array.from(fast.threshold)).toEqual(Array.from(plain.threshold));
      expect(Array.from(fast.left)).toEqual(Array.from(plain.left));
      expect(Array.from(fast.value)).toEqual(Array.from(plain.value));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { RecentInputs } from './recentInputs.ts';

describe('recent model inputs', () => {
  it('keeps the most recently used inputs up to its bound', () => {
    const inputs = new RecentInputs(2);
    const [a, b, c] = [new Float32Array(1), new Float32Array(2), new Float32Array(3)];
    inputs.remember('a', a);
    inputs.remember('b', b);
    expect(inputs.take('a')).toBe(a); // a is now newer than b
    inputs.remember('c', c);
    expect(inputs.take('b')).toBeUndefined();
    expect(inputs.take('a')).toBe(a);
    expect(inputs.take('c')).toBe(c);
  });
});

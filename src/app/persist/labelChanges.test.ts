import { describe, expect, it } from 'vitest';
import { labelChanges } from './usePersistedLabels.ts';

describe('labelChanges', () => {
  it('lists new and changed labels, and null for removed ones', () => {
    expect(labelChanges({ a: 'x', b: 'y', c: 'z' }, { a: 'x', b: 'w', d: 'v' })).toEqual({
      b: 'w',
      d: 'v',
      c: null,
    });
    expect(labelChanges({ a: 'x' }, { a: 'x' })).toEqual({});
  });
});

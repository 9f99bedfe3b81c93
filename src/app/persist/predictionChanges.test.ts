import { describe, expect, it } from 'vitest';
import type { StoredPrediction } from '../store/predictionsSlice.ts';
import { predictionChanges } from './usePersistedPredictions.ts';

const p = (id: string, predicted: string) => ({ id, predicted }) as unknown as StoredPrediction;

describe('prediction changes written to IndexedDB', () => {
  it('are the new and changed predictions, and the ids of removed ones', () => {
    const a = p('a', 'normal');
    const before = { a, b: p('b', 'normal') };
    const after = { a, b: p('b', 'pneumonia'), c: p('c', 'normal') };
    expect(predictionChanges(before, after)).toEqual([after.b, after.c]);
    expect(predictionChanges(after, { a })).toEqual(['b', 'c']);
  });
});

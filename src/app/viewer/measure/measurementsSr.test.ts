import { describe, expect, it } from 'vitest';
import { uuidUid } from './measurementsSr.ts';
import { measurementChanges } from './usePersistedMeasurements.ts';
import type { Measurement } from '../../store/measurementsSlice.ts';

describe('measurement helpers', () => {
  it('a UUID becomes its 2.25 UID (PS3.5 B.2)', () => {
    expect(uuidUid('ffffffff-ffff-ffff-ffff-ffffffffffff')).toBe(
      '2.25.340282366920938463463374607431768211455',
    );
    expect(uuidUid('00000000-0000-0000-0000-000000000010')).toBe('2.25.16');
  });

  it('writes new measurements and deletes removed ones', () => {
    const m = (id: string) => ({ id }) as Measurement;
    const [a, b, c] = [m('a'), m('b'), m('c')];
    expect(measurementChanges([a, b], [b, c])).toEqual([c, 'a']);
    expect(measurementChanges([a], [a])).toEqual([]);
  });
});

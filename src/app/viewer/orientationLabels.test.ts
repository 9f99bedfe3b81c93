import { describe, expect, it } from 'vitest';
import { directionLabel, orientationLabels } from './orientationLabels.ts';

describe('orientation labels', () => {
  it('read an axial slice as R on the left, A on top (radiological convention)', () => {
    expect(orientationLabels([1, 0, 0, 0, 1, 0])).toEqual({
      left: 'R',
      right: 'L',
      top: 'A',
      bottom: 'P',
    });
  });

  it('read a coronal slice with the head at the top', () => {
    expect(orientationLabels([1, 0, 0, 0, 0, -1])).toEqual({
      left: 'R',
      right: 'L',
      top: 'H',
      bottom: 'F',
    });
  });

  it('name oblique directions by their two strongest axes', () => {
    expect(directionLabel([0.8, 0.6, 0])).toBe('LP');
    expect(directionLabel([0.99, 0.1, 0])).toBe('L');
    expect(orientationLabels(null)).toBeNull();
  });
});

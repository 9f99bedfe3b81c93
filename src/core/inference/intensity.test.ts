import { describe, expect, it } from 'vitest';
import { applyRange, intensityRange, percentile } from './intensity.ts';

const values = Float32Array.from([-1000, 0, 40, 80, 3000]);

describe('intensity mapping', () => {
  it('min-max spans the image', () => {
    expect(intensityRange(values, { method: 'minmax' })).toEqual([-1000, 3000]);
  });

  it('percentiles interpolate like NumPy (np.percentile([-1000,0,40,80,3000], [10, 90]))', () => {
    // NumPy: -600.0 and 1832.0.
    expect(percentile(values, 10)).toBeCloseTo(-600, 4);
    expect(percentile(values, 90)).toBeCloseTo(1832, 4);
  });

  it('a window maps centre +- width/2 to [0, 1] and clips outside', () => {
    const v = Float32Array.from(values);
    const [lo, hi] = intensityRange(v, { method: 'window', center: 40, width: 80 });
    expect([lo, hi]).toEqual([0, 80]);
    applyRange(v, lo, hi);
    expect(Array.from(v)).toEqual([0, 0, 0.5, 1, 1]);
  });

  it("VOI uses the file's first window and falls back to min-max without one", () => {
    expect(intensityRange(values, { method: 'voi' }, [{ center: 50, width: 350 }])).toEqual([
      -125, 225,
    ]);
    expect(intensityRange(values, { method: 'voi' }, [])).toEqual([-1000, 3000]);
  });

  it('a flat image maps to zeros rather than NaN', () => {
    const v = Float32Array.from([7, 7, 7]);
    applyRange(v, 7, 7);
    expect(Array.from(v)).toEqual([0, 0, 0]);
  });
});

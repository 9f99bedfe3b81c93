// A large volume's Fourier filters in slabs along z against the whole-volume transform: the
// same response within half of IBSI's tolerance (1 % of the range), for Simoncelli
// on its reference grid, Riesz of Simoncelli and Riesz of LoG, periodic and mirror boundaries.
import { describe, expect, it } from 'vitest';
import { fourierResponse, type FourierOptions, type Transfer } from './fourier.ts';
import { dftFrequency } from './fourier.ts';
import { logTransfer } from './log.ts';
import { rieszTransfer } from './riesz.ts';
import { referenceGridFrequency, simoncelliTransfer } from './simoncelli.ts';
import { maxAbsDiff, randomVolume } from './testing.ts';
import type { Boundary } from './types.ts';

function relErr(a: Float32Array, ref: Float32Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of ref) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return maxAbsDiff(a, ref) / (hi - lo);
}

const img = randomVolume([20, 18, 120], 9);
const cases: [string, Transfer, Omit<FourierOptions, 'slabBins'>][] = [
  [
    'simoncelli level 1',
    simoncelliTransfer(1, 3),
    { minPad: 0, grid: referenceGridFrequency, reach: 16 },
  ],
  [
    'riesz-simoncelli 010',
    rieszTransfer([0, 1, 0], simoncelliTransfer(1, 3)),
    { minPad: 0, grid: referenceGridFrequency, reach: 16 },
  ],
  [
    'riesz-log 001 σ 2',
    rieszTransfer([0, 0, 1], logTransfer([1, 1, 1], 2, 4, 3)),
    { minPad: 8, grid: dftFrequency, reach: 16 },
  ],
];

describe('Fourier filters in slabs along z', () => {
  for (const boundary of ['periodic', 'mirror'] as Boundary[])
    for (const [name, transfer, options] of cases)
      it(`${name}, ${boundary}: slabs equal the whole transform`, () => {
        const whole = fourierResponse(img, transfer, boundary, 3, {
          ...options,
          slabBins: Infinity,
        });
        // a budget of 64 planes of the padded grid: 3 or 4 slabs of 32 planes
        const plane = boundary === 'periodic' ? 20 * 18 : 32 * 32;
        const slabs = fourierResponse(img, transfer, boundary, 3, {
          ...options,
          slabBins: 64 * plane,
        });
        // Simoncelli's reference grid is offset by half a bin, which a slab's grid cannot
        // repeat exactly: 0.4 % of the range here, the LoG's exact grid 0.04 %
        expect(relErr(slabs, whole)).toBeLessThan(5e-3);
        expect(relErr(slabs, whole)).toBeGreaterThan(0); // the slabs ran
      });
});

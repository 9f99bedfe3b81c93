// Features of a filtered image: the intensity statistics are those of the response inside the
// ROI, the ROI re-segmented on the unfiltered intensities, every value tagged with its filter.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../analysis/params.ts';
import { filterResponse } from './applyFilter.ts';
import { filteredRoiFeatures } from './filteredFeatures.ts';
import { parseFilterSpec } from './spec.ts';
import { randomVolume } from './testing.ts';

describe('filtered features', () => {
  const img = randomVolume([10, 9, 8], 11);
  const mask = new Uint8Array(img.values.length);
  for (let i = 0; i < mask.length; i += 3) mask[i] = 1;
  const spec = parseFilterSpec('log:sigma=1.5,boundary=mirror');
  const response = filterResponse(img, spec);

  it('are the statistics of the response inside the ROI, tagged with the filter', () => {
    const set = filteredRoiFeatures({ ...img, mask }, defaultParams, spec, {
      families: ['intensity-statistics'],
    });
    let sum = 0;
    let n = 0;
    for (let i = 0; i < mask.length; i++)
      if (mask[i]) {
        sum += response[i];
        n++;
      }
    const mean = set.features.find((f) => f.ibsiCode === 'Q4LE');
    expect(mean?.value).toBeCloseTo(sum / n, 4);
    expect(set.filter).toBe('log:sigma=1.5,truncate=4,boundary=mirror,dims=3');
    expect(set.features.every((f) => f.filter === set.filter)).toBe(true);
  });

  it('re-segment the ROI on the unfiltered intensities', () => {
    const params = { ...defaultParams, resegment: [0, 50] as [number, number] };
    const set = filteredRoiFeatures({ ...img, mask }, params, spec, {
      families: ['intensity-statistics'],
    });
    let sum = 0;
    let n = 0;
    for (let i = 0; i < mask.length; i++)
      if (mask[i] && img.values[i] <= 50) {
        sum += response[i];
        n++;
      }
    expect(set.features.find((f) => f.ibsiCode === 'Q4LE')?.value).toBeCloseTo(sum / n, 4);
    expect(set.params.resegment).toEqual([0, 50]);
  });
});

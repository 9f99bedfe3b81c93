// The feature-settings options shared by `consilium features` and `consilium analyze`: one
// parseArgs config and one validation, on top of the core defaults, so both commands accept and
// refuse exactly the same values.
import type { ParseArgsOptionsConfig } from 'node:util';
import { defaultParams, type FeatureParams } from '../../core/analysis/params.ts';
import {
  directionalAggregations,
  type DirectionalAggregation,
} from '../../core/analysis/texture/aggregate.ts';
import { numberList, numberOf, UsageError, wholeNumber } from './commandArgs.ts';

/** Spread into a command's parseArgs options. */
export const featureOptions = {
  'bin-count': { type: 'string' },
  'bin-width': { type: 'string' },
  reseg: { type: 'string' },
  distance: { type: 'string' },
  aggregation: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

export type FeatureOptionValues = { readonly [K in keyof typeof featureOptions]?: string };

export const featureOptionsUsage = `[--bin-width W | --bin-count N] [--reseg min,max] [--distance D]
  [--aggregation ${directionalAggregations.join('|')}]`;

function isAggregation(v: string): v is DirectionalAggregation {
  return (directionalAggregations as readonly string[]).includes(v);
}

/** The options as FeatureParams over `base` (the core defaults); a bad value is a UsageError. */
export function featureParamsFrom(
  values: FeatureOptionValues,
  base: FeatureParams = defaultParams,
): FeatureParams {
  const params: FeatureParams = { ...base };
  const binCount = values['bin-count'];
  const binWidth = values['bin-width'];
  if (binCount !== undefined && binWidth !== undefined)
    throw new UsageError('Use --bin-width or --bin-count, not both.');
  if (binCount !== undefined)
    params.discretisation = {
      kind: 'bin-count',
      binCount: wholeNumber('bin-count', binCount, 1, 'bins'),
    };
  if (binWidth !== undefined) {
    const width = numberOf('bin-width', binWidth);
    if (!(width > 0))
      throw new UsageError(`--bin-width needs a bin size above 0, got "${binWidth}".`);
    params.discretisation = { kind: 'bin-width', binWidth: width };
  }
  if (values.reseg !== undefined) {
    const [min, max] = numberList('reseg', values.reseg, 2);
    if (min > max)
      throw new UsageError(`--reseg needs min,max with min not above max, got "${values.reseg}".`);
    params.resegment = [min, max];
  }
  if (values.distance !== undefined)
    params.distance = wholeNumber('distance', values.distance, 1, 'voxels');
  const aggregation = values.aggregation;
  if (aggregation !== undefined) {
    if (!isAggregation(aggregation))
      throw new UsageError(
        `--aggregation must be one of ${directionalAggregations.join(', ')}; got "${aggregation}".`,
      );
    params.aggregation = aggregation;
  }
  return params;
}

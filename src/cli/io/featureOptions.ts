// The feature-settings options shared by `consilium features` and `consilium analyze`: one
// parseArgs config and one validation, on top of the core defaults, so both commands accept and
// refuse exactly the same values.
import type { ParseArgsOptionsConfig } from 'node:util';
import type { Discretisation, ResegmentRange } from '../../core/analysis/discretise.ts';
import {
  defaultMaskThreshold,
  defaultParams,
  interpolations,
  type FeatureParams,
  type Interpolation,
} from '../../core/analysis/params.ts';
import {
  directionalAggregations,
  type DirectionalAggregation,
} from '../../core/analysis/texture/aggregate.ts';
import { numberList, numberOf, UsageError, wholeNumber } from './commandArgs.ts';

/** Spread into a command's parseArgs options. */
export const featureOptions = {
  resample: { type: 'string' },
  interpolation: { type: 'string' },
  'mask-threshold': { type: 'string' },
  reseg: { type: 'string' },
  outliers: { type: 'string' },
  'bin-count': { type: 'string' },
  'bin-width': { type: 'string' },
  'ivh-bin-count': { type: 'string' },
  'ivh-bin-width': { type: 'string' },
  distance: { type: 'string' },
  aggregation: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

export type FeatureOptionValues = { readonly [K in keyof typeof featureOptions]?: string };

export const featureOptionsUsage = `[--resample X,Y[,Z] [--interpolation ${interpolations.join('|')}] [--mask-threshold T]]
  [--reseg min,max] [--outliers K] [--bin-width W | --bin-count N]
  [--ivh-bin-width W | --ivh-bin-count N] [--distance D]
  [--aggregation ${directionalAggregations.join('|')}]`;

/** What each feature option does, for the end of a command's --help. */
export const featureOptionsHelp = `Image processing, in IBSI's order (reference manual, chapter 2):
  --resample X,Y[,Z]    new voxel spacing in mm: X,Y within slices only, X,Y,Z in 3D; the new
                        grid is centred on the old one (default: no resampling)
  --interpolation M     nearest, linear or cubic (B-spline); default linear. CT is rounded to
                        whole HU after it; the mask is interpolated linearly (nearest with nearest)
  --mask-threshold T    interpolated mask voxels at or above T stay in the ROI (default 0.5)
  --reseg min,max       keep intensities in [min, max]; leave a bound empty to keep it open:
                        -1000, or ,400
  --outliers K          keep intensities within mean ± K SD of the ROI (with --reseg: both)
  --bin-width W | --bin-count N          texture and histogram discretisation (default 32 bins)
  --ivh-bin-width W | --ivh-bin-count N  intensity-volume histogram discretisation (default:
                        none for integer intensities such as CT, else 1000 bins)
  --distance D          neighbour distance for GLCM, NGTDM and NGLDM (default 1)
  --aggregation A       how 2D slices and directions combine (default 3d-merged); every
                        aggregation gives one record per ROI
`;

function isAggregation(v: string): v is DirectionalAggregation {
  return (directionalAggregations as readonly string[]).includes(v);
}

/** --bin-width / --bin-count (or their --ivh- forms) as a discretisation, if either is given. */
function discretisationOf(
  widthFlag: 'bin-width' | 'ivh-bin-width',
  countFlag: 'bin-count' | 'ivh-bin-count',
  values: FeatureOptionValues,
): Discretisation | undefined {
  const count = values[countFlag];
  const width = values[widthFlag];
  if (count !== undefined && width !== undefined)
    throw new UsageError(`Use --${widthFlag} or --${countFlag}, not both.`);
  if (count !== undefined)
    return { kind: 'bin-count', binCount: wholeNumber(countFlag, count, 1, 'bins') };
  if (width === undefined) return undefined;
  const w = numberOf(widthFlag, width);
  if (!(w > 0)) throw new UsageError(`--${widthFlag} needs a bin size above 0, got "${width}".`);
  return { kind: 'bin-width', binWidth: w };
}

/** "min,max" with either side empty for an open bound (null). */
function rangeOf(text: string): ResegmentRange {
  const parts = text.split(',').map((p) => p.trim());
  const bad = () =>
    new UsageError(
      `--reseg needs min,max (either may be left empty, e.g. "-1000," or ",400"), got "${text}".`,
    );
  if (parts.length !== 2 || (parts[0] === '' && parts[1] === '')) throw bad();
  const [min, max] = parts.map((p) => (p === '' ? null : Number(p)));
  if ([min, max].some((v) => v !== null && !Number.isFinite(v))) throw bad();
  if (min !== null && max !== null && min > max)
    throw new UsageError(`--reseg needs min,max with min not above max, got "${text}".`);
  return [min, max];
}

/** The resampling options, or undefined without --resample (then the others are refused). */
function resampleOf(values: FeatureOptionValues): FeatureParams['resample'] {
  const text = values.resample;
  if (text === undefined) {
    for (const flag of ['interpolation', 'mask-threshold'] as const)
      if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --resample.`);
    return undefined;
  }
  const parts = text.split(',');
  const spacingMm = numberList('resample', text, parts.length === 3 ? 3 : 2);
  if (!spacingMm.every((v) => v > 0))
    throw new UsageError(`--resample needs spacings above 0 mm, got "${text}".`);
  const method = values.interpolation ?? 'linear';
  if (!(interpolations as readonly string[]).includes(method))
    throw new UsageError(
      `--interpolation must be one of ${interpolations.join(', ')}; got "${method}".`,
    );
  const t = values['mask-threshold'];
  const maskThreshold = t === undefined ? defaultMaskThreshold : numberOf('mask-threshold', t);
  if (!(maskThreshold > 0 && maskThreshold <= 1))
    throw new UsageError(`--mask-threshold needs a fraction above 0 and at most 1, got "${t}".`);
  return { spacingMm, interpolation: method as Interpolation, maskThreshold };
}

/** The options as FeatureParams over `base` (the core defaults); a bad value is a UsageError. */
export function featureParamsFrom(
  values: FeatureOptionValues,
  base: FeatureParams = defaultParams,
): FeatureParams {
  const params: FeatureParams = { ...base };
  const resample = resampleOf(values);
  if (resample) params.resample = resample;
  const discretisation = discretisationOf('bin-width', 'bin-count', values);
  if (discretisation) params.discretisation = discretisation;
  const ivh = discretisationOf('ivh-bin-width', 'ivh-bin-count', values);
  if (ivh) params.ivhDiscretisation = ivh;
  if (values.reseg !== undefined) params.resegment = rangeOf(values.reseg);
  if (values.outliers !== undefined) {
    const k = numberOf('outliers', values.outliers);
    if (!(k > 0))
      throw new UsageError(`--outliers needs a number of SDs above 0, got "${values.outliers}".`);
    params.outliers = k;
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

// The feature-settings options shared by `consilium features` and `consilium analyze`: one
// parseArgs config and one validation, on top of a settings file (--params) or the core
// defaults, so both commands accept and refuse exactly the same values.
import { readFileSync } from 'node:fs';
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
import { readSettings } from '../../core/analysis/paramsFile/readSettings.ts';
import type { FeatureSettings } from '../../core/analysis/paramsFile/settings.ts';
import { numberList, numberOf, UsageError, wholeNumber } from './commandArgs.ts';

/** Spread into a command's parseArgs options. */
export const featureOptions = {
  params: { type: 'string' },
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
  'ngldm-alpha': { type: 'string' },
  aggregation: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

export type FeatureOptionValues = { readonly [K in keyof typeof featureOptions]?: string };

export const featureOptionsUsage = `[--params FILE] [--resample X,Y[,Z] [--interpolation ${interpolations.join('|')}] [--mask-threshold T]]
  [--reseg min,max] [--outliers K] [--bin-width W | --bin-count N]
  [--ivh-bin-width W | --ivh-bin-count N] [--distance D] [--ngldm-alpha A]
  [--aggregation ${directionalAggregations.join('|')}]`;

/** What each feature option does, for the end of a command's --help. */
export const featureOptionsHelp = `Settings:
  --params FILE         every setting below from a JSON or YAML file (docs/params.schema.json;
                        a record's or bundle result's "params" is such a file), or a PyRadiomics
                        parameter file where its keys map exactly; options given on the command
                        line override the file's values
Image processing, in IBSI's order (reference manual, chapter 2):
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
  --ngldm-alpha A       NGLDM coarseness: neighbours within A grey levels are dependent (default 0)
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

/** The resampling options over the base's resampling; without --resample or a base one, the
 * other two are refused. */
function resampleOf(
  values: FeatureOptionValues,
  base: FeatureParams['resample'],
): FeatureParams['resample'] {
  const text = values.resample;
  if (text === undefined && !base) {
    for (const flag of ['interpolation', 'mask-threshold'] as const)
      if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --resample.`);
    return undefined;
  }
  let spacingMm = base ? [...base.spacingMm] : [];
  if (text !== undefined) {
    const parts = text.split(',');
    spacingMm = numberList('resample', text, parts.length === 3 ? 3 : 2);
    if (!spacingMm.every((v) => v > 0))
      throw new UsageError(`--resample needs spacings above 0 mm, got "${text}".`);
  }
  const method = values.interpolation ?? base?.interpolation ?? 'linear';
  if (!(interpolations as readonly string[]).includes(method))
    throw new UsageError(
      `--interpolation must be one of ${interpolations.join(', ')}; got "${method}".`,
    );
  const t = values['mask-threshold'];
  const maskThreshold =
    t === undefined ? (base?.maskThreshold ?? defaultMaskThreshold) : numberOf('mask-threshold', t);
  if (!(maskThreshold > 0 && maskThreshold <= 1))
    throw new UsageError(`--mask-threshold needs a fraction above 0 and at most 1, got "${t}".`);
  return { spacingMm, interpolation: method as Interpolation, maskThreshold };
}

/** The options as FeatureParams over `base`; a bad value is a UsageError. */
function paramsOver(values: FeatureOptionValues, base: FeatureParams): FeatureParams {
  const params: FeatureParams = { ...base };
  const resample = resampleOf(values, base.resample);
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
  if (values['ngldm-alpha'] !== undefined)
    params.ngldmAlpha = wholeNumber('ngldm-alpha', values['ngldm-alpha'], 0, 'grey levels');
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

/** A settings file that cannot be used: each wrong key on its own line, with its code. */
export class SettingsFileError extends UsageError {
  constructor(code: string, reason: string, params: UsageError['params']) {
    super(reason, code, params);
    this.name = 'SettingsFileError';
  }
}

/** The --params file's settings; unreadable or wrong, a SettingsFileError. */
export function settingsFromFile(path: string): FeatureSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new SettingsFileError('read-failed', `--params ${path} cannot be read: ${why}`, {
      file: path,
    });
  }
  const r = readSettings(text, path);
  if (!r.ok) throw new SettingsFileError(r.error.code, r.error.reason, r.error.params);
  return r.value.settings;
}

/** The settings file (--params) if given, else the core defaults, with every option given on
 * the command line over it. */
export function featureSettingsFrom(values: FeatureOptionValues): FeatureSettings {
  const file =
    values.params === undefined ? { params: defaultParams } : settingsFromFile(values.params);
  return { ...file, params: paramsOver(values, file.params) };
}

/** The options as FeatureParams, for commands that compute every family on whole images (a
 * settings file's families, per-slice and structure choices are refused there). */
export function featureParamsFrom(values: FeatureOptionValues): FeatureParams {
  const settings = featureSettingsFrom(values);
  const extra = (['families', 'perSlice', 'structures'] as const).filter(
    (k) => settings[k] !== undefined,
  );
  if (extra.length > 0)
    throw new UsageError(
      `--params ${values.params}: ${extra.join(', ').replace('structures', 'structure')} ${extra.length === 1 ? 'is a setting' : 'are settings'} of consilium features only; this command computes every family on whole images.`,
    );
  return settings.params;
}

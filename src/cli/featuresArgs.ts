// Parsing `consilium features` options into analysis parameters.
import { availableParallelism } from 'node:os';
import type { FamilyId } from '../core/analysis/featureDef.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import type { FeatureSettings } from '../core/analysis/paramsFile/settings.ts';
import { familyDefs } from '../core/analysis/registry.ts';
import { numberList, parseCommand, UsageError, wholeNumber } from './io/commandArgs.ts';
import { featureOptions, featureSettingsFrom } from './io/featureOptions.ts';
import type { FilterSpec } from '../core/filters/types.ts';
import { filterLabel } from '../core/filters/spec.ts';
import { filtersOf } from './filterFeatures.ts';

export interface FeaturesArgs {
  paths: string[];
  maskPaths: string[];
  /** --structure: the mask structures to compute, by name or number; every one when empty. */
  structures: string[];
  roi: [x: number, y: number, w: number, h: number] | null;
  params: FeatureParams;
  json: boolean;
  /** Worker threads computing ROIs at once; 1 computes in process. */
  jobs: number;
  /** One record per slice of each ROI instead of one per ROI. */
  perSlice: boolean;
  /** --families (or the settings file's): the families to compute; every one when absent. */
  families?: FamilyId[];
  /** --filter (repeatable): one more record per ROI and filter, on the filtered image. */
  filters?: FilterSpec[];
  /** Everything above that makes the values, as `--params` reads it back (see fileOfSettings). */
  settings: FeatureSettings;
}

const options = {
  ...featureOptions,
  roi: { type: 'string' },
  mask: { type: 'string', multiple: true },
  structure: { type: 'string', multiple: true },
  families: { type: 'string' },
  jobs: { type: 'string' },
  json: { type: 'boolean' },
  'per-slice': { type: 'boolean' },
  filter: { type: 'string', multiple: true },
} as const;

const familyIds = Object.keys(familyDefs) as FamilyId[];

/** "glcm,glrlm": known families, each once. */
function familiesOf(text: string): FamilyId[] {
  const names = text.split(',').map((f) => f.trim());
  const unknown = names.filter((f) => !(familyIds as string[]).includes(f));
  if (unknown.length > 0 || names.length === 0)
    throw new UsageError(
      `--families takes a comma-separated list of ${familyIds.join(', ')}; got "${text}".`,
    );
  return [...new Set(names)] as FamilyId[];
}

/** Throws a UsageError with a plain-words message on a bad option. */
export function parseFeaturesArgs(argv: readonly string[]): FeaturesArgs {
  const { values, tokens } = parseCommand(argv, options);
  // "--mask m1 m2": paths right after --mask's value are more mask files, up to the next option.
  const paths: string[] = [];
  const maskPaths: string[] = [];
  let inMask = false;
  for (const t of tokens) {
    if (t.kind === 'option') {
      inMask = t.name === 'mask';
      if (inMask && t.value !== undefined) maskPaths.push(t.value);
    } else if (t.kind === 'positional') (inMask ? maskPaths : paths).push(t.value);
  }
  if (paths.length === 0) throw new UsageError('Give at least one DICOM file or folder.');
  const roi = values.roi === undefined ? null : numberList('roi', values.roi, 4);
  if (roi && maskPaths.length > 0) throw new UsageError('Use --roi or --mask, not both.');
  // Options given on the command line override the settings file's values.
  const file = featureSettingsFrom(values);
  const params = file.params;
  const structures = values.structure ?? file.structures ?? [];
  if (structures.length > 0 && maskPaths.length === 0)
    throw new UsageError(
      `${values.structure ? '--structure' : `The structure of ${values.params}`} chooses among the structures of --mask; give --mask too.`,
    );
  const families = values.families === undefined ? file.families : familiesOf(values.families);
  const perSlice = values['per-slice'] ?? file.perSlice ?? false;
  if (perSlice && params.resample?.spacingMm.length === 3)
    throw new UsageError(
      '--per-slice computes each slice alone; resample within slices (--resample X,Y).',
    );
  const filters = filtersOf(values.filter ?? file.filters);
  const settings: FeatureSettings = {
    params,
    ...(families ? { families } : {}),
    ...(perSlice ? { perSlice } : {}),
    ...(structures.length > 0 ? { structures } : {}),
    ...(filters ? { filters: filters.map(filterLabel) } : {}),
  };
  return {
    settings,
    ...(families ? { families } : {}),
    ...(filters ? { filters } : {}),
    paths,
    maskPaths,
    structures,
    roi: roi as FeaturesArgs['roi'],
    params,
    json: values.json ?? false,
    perSlice,
    jobs:
      values.jobs === undefined
        ? availableParallelism()
        : wholeNumber('jobs', values.jobs, 1, 'workers'),
  };
}

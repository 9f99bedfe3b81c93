// Parsing `consilium features` options into analysis parameters.
import { availableParallelism } from 'node:os';
import type { FeatureParams } from '../core/analysis/params.ts';
import { numberList, parseCommand, UsageError, wholeNumber } from './io/commandArgs.ts';
import { featureOptions, featureParamsFrom } from './io/featureOptions.ts';

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
}

const options = {
  ...featureOptions,
  roi: { type: 'string' },
  mask: { type: 'string', multiple: true },
  structure: { type: 'string', multiple: true },
  jobs: { type: 'string' },
  json: { type: 'boolean' },
  'per-slice': { type: 'boolean' },
} as const;

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
  const structures = values.structure ?? [];
  if (structures.length > 0 && maskPaths.length === 0)
    throw new UsageError('--structure chooses among the structures of --mask; give --mask too.');
  const params = featureParamsFrom(values);
  const perSlice = values['per-slice'] ?? false;
  if (perSlice && params.resample?.spacingMm.length === 3)
    throw new UsageError(
      '--per-slice computes each slice alone; resample within slices (--resample X,Y).',
    );
  return {
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

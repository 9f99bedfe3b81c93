// Parsing `consilium features` options into analysis parameters.
import { availableParallelism } from 'node:os';
import type { Discretisation } from '../core/analysis/discretise.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import { defaultParams } from '../core/analysis/params.ts';
import {
  directionalAggregations,
  type DirectionalAggregation,
} from '../core/analysis/texture/aggregate.ts';

export interface FeaturesArgs {
  paths: string[];
  maskPaths: string[];
  roi: [x: number, y: number, w: number, h: number] | null;
  params: FeatureParams;
  json: boolean;
  /** Worker threads computing ROIs at once; 1 computes in process. */
  jobs: number;
}

function numbers(flag: string, text: string | undefined, count: number): number[] {
  const parts = (text ?? '').split(',').map(Number);
  if (parts.length !== count || parts.some((v) => !Number.isFinite(v))) {
    throw new Error(`${flag} needs ${count} comma-separated numbers, got "${text ?? ''}".`);
  }
  return parts;
}

function jobsOf(text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`--jobs needs a whole number of workers, 1 or more, got "${text ?? ''}".`);
  }
  return n;
}

/** Throws an Error with a plain-words message on a bad option. */
export function parseFeaturesArgs(argv: readonly string[]): FeaturesArgs {
  const paths: string[] = [];
  const maskPaths: string[] = [];
  let roi: FeaturesArgs['roi'] = null;
  let discretisation: Discretisation = defaultParams.discretisation;
  const params: FeatureParams = { ...defaultParams };
  let json = false;
  let jobs = availableParallelism();
  let inMask = false;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const next = (): string | undefined => argv[++k];
    if (!a.startsWith('--')) {
      (inMask ? maskPaths : paths).push(a);
      continue;
    }
    inMask = false;
    if (a === '--json') json = true;
    else if (a === '--mask') inMask = true;
    else if (a === '--roi') roi = numbers(a, next(), 4) as FeaturesArgs['roi'];
    else if (a === '--bin-width')
      discretisation = { kind: 'bin-width', binWidth: numbers(a, next(), 1)[0] };
    else if (a === '--bin-count')
      discretisation = { kind: 'bin-count', binCount: numbers(a, next(), 1)[0] };
    else if (a === '--reseg') params.resegment = numbers(a, next(), 2) as [number, number];
    else if (a === '--jobs') jobs = jobsOf(next());
    else if (a === '--distance') params.distance = numbers(a, next(), 1)[0];
    else if (a === '--aggregation') {
      const v = next() as DirectionalAggregation;
      if (!directionalAggregations.includes(v)) {
        throw new Error(
          `--aggregation must be one of ${directionalAggregations.join(', ')}; got "${v}".`,
        );
      }
      params.aggregation = v;
    } else throw new Error(`Unknown option ${a}.`);
  }
  if (paths.length === 0) throw new Error('Give at least one DICOM file or folder.');
  if (roi && maskPaths.length > 0) throw new Error('Use --roi or --mask, not both.');
  params.discretisation = discretisation;
  return { paths, maskPaths, roi, params, json, jobs };
}

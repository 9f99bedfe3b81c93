// Parsing `consilium edges` options.
import type { CannyOptions } from '../core/analysis/edges/canny.ts';
import { numberList, numberOf, parseCommand, UsageError, wholeNumber } from './io/commandArgs.ts';

export interface EdgesArgs {
  file: string;
  out: string;
  magnitudeOut: string | null;
  /** 1-based, as the user counts frames. */
  frame: number;
  options: CannyOptions;
}

const edgesOptions = {
  out: { type: 'string' },
  magnitude: { type: 'string' },
  sigma: { type: 'string' },
  frame: { type: 'string' },
  low: { type: 'string' },
  high: { type: 'string' },
  'low-pct': { type: 'string' },
  'high-pct': { type: 'string' },
  window: { type: 'string' },
} as const;

/** Throws a UsageError with a plain-words message on a bad option. */
export function parseEdgesArgs(argv: readonly string[]): EdgesArgs {
  const { values: v, positionals } = parseCommand(argv, edgesOptions);
  if (positionals.length !== 1) throw new UsageError('Give exactly one DICOM file.');
  if (!v.out) throw new UsageError('Give --out <file.png>.');
  const absolute = v.low !== undefined || v.high !== undefined;
  const percent = v['low-pct'] !== undefined || v['high-pct'] !== undefined;
  if (absolute && percent) throw new UsageError('Use --low/--high or --low-pct/--high-pct.');
  if (absolute && (v.low === undefined || v.high === undefined))
    throw new UsageError('Give both --low and --high.');
  const canny: CannyOptions = {
    sigma: v.sigma === undefined ? 1.4 : numberOf('sigma', v.sigma),
    low: absolute ? numberOf('low', v.low) : numberOf('low-pct', v['low-pct'] ?? '80'),
    high: absolute ? numberOf('high', v.high) : numberOf('high-pct', v['high-pct'] ?? '95'),
    thresholds: absolute ? 'absolute' : 'percentile',
  };
  if (v.window !== undefined) {
    const [min, max] = numberList('window', v.window, 2);
    canny.window = [min, max];
  }
  if (!(canny.low <= canny.high))
    throw new UsageError('The low threshold must not exceed the high one.');
  return {
    file: positionals[0],
    out: v.out,
    magnitudeOut: v.magnitude ?? null,
    frame: v.frame === undefined ? 1 : wholeNumber('frame', v.frame, 1),
    options: canny,
  };
}

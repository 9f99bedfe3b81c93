// Filter requests from words: a spec string (`log:sigma=3,boundary=mirror,2d`, what `--filter`
// and parameter files take) or a record of option values (the CLI's flags), parsed into a
// FilterSpec with every range checked; and the canonical string that names a filter in feature
// records, so the same filter always prints the same way.
import { ProblemError } from '../result.ts';
import { lawsParts } from './laws.ts';
import {
  boundaries,
  filterNames,
  poolings,
  type Boundary,
  type FilterName,
  type FilterSpec,
  type GaborSpec,
  type Pooling,
  type WaveletName,
} from './types.ts';
import { waveletNames } from './wavelets.ts';

export type FilterOptions = Readonly<Record<string, string | boolean | undefined>>;

const aliases: Record<string, FilterName> = {
  laplacian_of_gaussian: 'log',
  'laplacian-of-gaussian': 'log',
  separable_wavelet: 'wavelet',
  'separable-wavelet': 'wavelet',
  nonseparable_wavelet: 'simoncelli',
  riesz_log: 'riesz-log',
  riesz_simoncelli: 'riesz-simoncelli',
};

const commonKeys = new Set([
  'filter',
  'boundary',
  '2d',
  'dims',
  'rotation-invariant',
  'rotationInvariant',
  'pooling',
]);
const ownKeys: Record<FilterName, readonly string[]> = {
  mean: ['support'],
  log: ['sigma', 'truncate'],
  laws: ['kernel', 'delta'],
  gabor: ['sigma', 'lambda', 'gamma', 'theta', 'theta-step', 'planes', 'response', 'truncate'],
  wavelet: ['wavelet', 'level', 'response'],
  simoncelli: ['level'],
  'riesz-log': ['sigma', 'truncate', 'order'],
  'riesz-simoncelli': ['level', 'order'],
};

function bad(parameter: string, value: unknown, reason: string): ProblemError {
  return new ProblemError('bad-filter-parameter', reason, { parameter, value: String(value) });
}

class Reader {
  constructor(
    private readonly o: FilterOptions,
    private readonly filter: string,
  ) {}

  private raw(key: string): string | boolean | undefined {
    return this.o[key] ?? this.o[key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  number(key: string, fallback?: number): number {
    const v = this.raw(key);
    if (v === undefined || v === false) {
      if (fallback === undefined)
        throw bad(key, '', `The ${this.filter} filter needs --${key} (a number).`);
      return fallback;
    }
    const n = typeof v === 'string' ? Number(v) : NaN;
    if (!Number.isFinite(n)) throw bad(key, v, `--${key} ${String(v)} is not a number.`);
    return n;
  }

  positive(key: string, fallback?: number): number {
    const n = this.number(key, fallback);
    if (!(n > 0)) throw bad(key, n, `--${key} must be greater than 0 (got ${n}).`);
    return n;
  }

  integer(key: string, min: number, fallback?: number): number {
    const n = this.number(key, fallback);
    if (!Number.isInteger(n) || n < min)
      throw bad(key, n, `--${key} must be a whole number of at least ${min} (got ${n}).`);
    return n;
  }

  text(key: string, fallback?: string): string {
    const v = this.raw(key);
    if (typeof v === 'string' && v !== '') return v;
    if (fallback === undefined) throw bad(key, '', `The ${this.filter} filter needs --${key}.`);
    return fallback;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const v = this.text(key, fallback).toLowerCase();
    if (!(allowed as readonly string[]).includes(v))
      throw bad(key, v, `--${key} ${v} is not one of ${allowed.join(', ')}.`);
    return v as T;
  }

  flag(key: string): boolean {
    const v = this.raw(key);
    if (v === undefined || v === false) return false;
    if (v === true || v === 'true' || v === 'yes' || v === '') return true;
    if (v === 'false' || v === 'no') return false;
    throw bad(key, v, `--${key} takes no value or true/false (got ${String(v)}).`);
  }
}

function order(r: Reader): [number, number, number] {
  const s = r.text('order');
  const parts = /^\d{3}$/.test(s) ? s.split('') : s.split(/[,/x ]+/);
  const n = parts.map(Number);
  if (n.length !== 3 || n.some((v) => !Number.isInteger(v) || v < 0) || n[0] + n[1] + n[2] === 0)
    throw bad(
      'order',
      s,
      `--order ${s} is not a Riesz order: three whole numbers, not all 0 (e.g. 1,0,0).`,
    );
  return [n[0], n[1], n[2]];
}

export function filterName(name: string): FilterName {
  const n = name.trim().toLowerCase();
  const f = aliases[n] ?? n;
  if (!(filterNames as readonly string[]).includes(f))
    throw new ProblemError(
      'unknown-filter',
      `There is no filter "${name}"; the filters are ${filterNames.join(', ')}.`,
      { filter: name },
    );
  return f as FilterName;
}

/** A FilterSpec from option values; throws a ProblemError naming the first bad one. */
export function parseFilterOptions(o: FilterOptions): FilterSpec {
  if (typeof o.filter !== 'string' || o.filter === '')
    throw new ProblemError(
      'unknown-filter',
      `Name a filter with --filter (${filterNames.join(', ')}).`,
      {
        filter: '',
      },
    );
  const filter = filterName(o.filter);
  const stray = Object.keys(o).find(
    (k) =>
      o[k] !== undefined && o[k] !== false && !commonKeys.has(k) && !ownKeys[filter].includes(k),
  );
  if (stray !== undefined)
    throw bad(
      stray,
      String(o[stray]),
      `The ${filter} filter has no parameter "${stray}"; it takes ${ownKeys[filter].join(', ')}.`,
    );
  const r = new Reader(o, filter);
  const twoD = r.flag('2d') || r.text('dims', '3') === '2';
  const dims: 2 | 3 = filter === 'gabor' || twoD ? 2 : 3;
  if (r.has('dims') && !['2', '3'].includes(r.text('dims')))
    throw bad('dims', r.text('dims'), `--dims must be 2 or 3 (got ${r.text('dims')}).`);
  const common = {
    boundary: r.oneOf<Boundary>('boundary', boundaries, 'mirror'),
    dims,
    rotationInvariant: r.flag('rotation-invariant'),
    pooling: r.oneOf<Pooling>('pooling', poolings, filter === 'wavelet' ? 'average' : 'max'),
  };
  switch (filter) {
    case 'mean': {
      const support = r.integer('support', 1);
      if (support % 2 === 0)
        throw bad('support', support, `--support must be odd (got ${support}).`);
      return { ...common, filter, support };
    }
    case 'log':
      return {
        ...common,
        filter,
        sigmaMm: r.positive('sigma'),
        truncate: r.positive('truncate', 4),
      };
    case 'laws': {
      const kernel = r.text('kernel').toUpperCase();
      lawsParts(kernel, dims);
      return {
        ...common,
        filter,
        kernel,
        energyDelta: r.has('delta') ? r.integer('delta', 0) : null,
      };
    }
    case 'gabor': {
      const planes = r.oneOf<GaborSpec['planes']>('planes', ['axial', 'orthogonal'], 'axial');
      return {
        ...common,
        filter,
        sigmaMm: r.positive('sigma'),
        lambdaMm: r.positive('lambda'),
        gamma: r.positive('gamma', 1),
        thetaDeg: r.number('theta', 0),
        thetaStepDeg: r.positive('theta-step', 45),
        planes,
        response: r.oneOf<GaborSpec['response']>(
          'response',
          ['modulus', 'real', 'imaginary'],
          'modulus',
        ),
        truncate: r.positive('truncate', 4),
      };
    }
    case 'wavelet': {
      const wavelet = r.oneOf<WaveletName>('wavelet', waveletNames, 'haar');
      const response = r.text('response', dims === 3 ? 'LLL' : 'LL').toUpperCase();
      if (response.length !== dims || /[^LH]/.test(response))
        throw bad(
          'response',
          response,
          `--response ${response} is not ${dims} letters of L and H, one per axis (e.g. ${dims === 3 ? 'LHL' : 'LH'}).`,
        );
      return { ...common, filter, wavelet, level: r.integer('level', 1, 1), response };
    }
    case 'simoncelli':
      return { ...common, filter, level: r.integer('level', 1, 1) };
    case 'riesz-log':
      return {
        ...common,
        filter,
        sigmaMm: r.positive('sigma'),
        truncate: r.positive('truncate', 4),
        order: order(r),
      };
    case 'riesz-simoncelli':
      return { ...common, filter, level: r.integer('level', 1, 1), order: order(r) };
  }
}

/** Option values from a spec string: `name:key=value,flag,…`. */
export function filterOptionsFromString(spec: string): FilterOptions {
  const [name, rest = ''] = spec.split(/:(.*)/s);
  const o: Record<string, string | boolean> = { filter: name.trim() };
  for (const part of rest.split(',')) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq < 0) o[p.toLowerCase()] = true;
    else o[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
  }
  return o;
}

export function parseFilterSpec(spec: string): FilterSpec {
  return parseFilterOptions(filterOptionsFromString(spec));
}

/** The canonical spec string: the filter and every parameter that shapes its response. */
export function filterLabel(s: FilterSpec): string {
  const p: string[] = [];
  switch (s.filter) {
    case 'mean':
      p.push(`support=${s.support}`);
      break;
    case 'log':
      p.push(`sigma=${s.sigmaMm}`, `truncate=${s.truncate}`);
      break;
    case 'laws':
      p.push(`kernel=${s.kernel}`);
      if (s.energyDelta !== null) p.push(`delta=${s.energyDelta}`);
      break;
    case 'gabor':
      p.push(
        `sigma=${s.sigmaMm}`,
        `lambda=${s.lambdaMm}`,
        `gamma=${s.gamma}`,
        `theta=${s.thetaDeg}`,
      );
      if (s.rotationInvariant) p.push(`theta-step=${s.thetaStepDeg}`);
      p.push(`planes=${s.planes}`, `response=${s.response}`, `truncate=${s.truncate}`);
      break;
    case 'wavelet':
      p.push(`wavelet=${s.wavelet}`, `level=${s.level}`, `response=${s.response}`);
      break;
    case 'simoncelli':
      p.push(`level=${s.level}`);
      break;
    case 'riesz-log':
      p.push(`sigma=${s.sigmaMm}`, `truncate=${s.truncate}`, `order=${s.order.join('')}`);
      break;
    case 'riesz-simoncelli':
      p.push(`level=${s.level}`, `order=${s.order.join('')}`);
      break;
  }
  p.push(`boundary=${s.boundary}`, `dims=${s.dims}`);
  if (s.rotationInvariant) p.push('rotation-invariant', `pooling=${s.pooling}`);
  return `${s.filter}:${p.join(',')}`;
}

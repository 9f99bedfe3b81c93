// The Filters form as data: which filter, its own parameters as typed (text, as the CLI takes
// them), and the common choices; turned into the option record core's spec parser reads, so the
// workbench accepts and refuses exactly what `consilium filter` and `--filter` do.
import { filterLabel, parseFilterOptions, type FilterOptions } from '../../../core/filters/spec.ts';
import type { Boundary, FilterName, FilterSpec, Pooling } from '../../../core/filters/types.ts';
import { problemOf, type Problem } from '../../../core/result.ts';

/** One parameter field: its spec key, its default text and, for a choice, its values. */
export interface FilterField {
  key: string;
  initial: string;
  choices?: readonly string[];
}

export const filterFields: Record<FilterName, readonly FilterField[]> = {
  mean: [{ key: 'support', initial: '5' }],
  log: [
    { key: 'sigma', initial: '3' },
    { key: 'truncate', initial: '4' },
  ],
  laws: [
    { key: 'kernel', initial: 'E5L5S5' },
    { key: 'delta', initial: '' },
  ],
  gabor: [
    { key: 'sigma', initial: '5' },
    { key: 'lambda', initial: '2' },
    { key: 'gamma', initial: '1' },
    { key: 'theta', initial: '0' },
    { key: 'theta-step', initial: '45' },
    { key: 'planes', initial: 'axial', choices: ['axial', 'orthogonal'] },
    { key: 'response', initial: 'modulus', choices: ['modulus', 'real', 'imaginary'] },
  ],
  wavelet: [
    { key: 'wavelet', initial: 'haar', choices: ['haar', 'db1', 'db2', 'db3', 'coif1'] },
    { key: 'level', initial: '1' },
    { key: 'response', initial: 'LLH' },
  ],
  simoncelli: [{ key: 'level', initial: '1' }],
  'riesz-log': [
    { key: 'sigma', initial: '3' },
    { key: 'truncate', initial: '4' },
    { key: 'order', initial: '1,0,0' },
  ],
  'riesz-simoncelli': [
    { key: 'level', initial: '1' },
    { key: 'order', initial: '1,0,0' },
  ],
};

export interface FilterForm {
  filter: FilterName;
  /** Each filter's parameters as typed, kept when another filter is picked. */
  own: Record<FilterName, Record<string, string>>;
  boundary: Boundary;
  /** Per slice (2D) rather than the volume (3D). */
  twoD: boolean;
  rotationInvariant: boolean;
  pooling: Pooling;
}

export function initialForm(): FilterForm {
  const own = {} as Record<FilterName, Record<string, string>>;
  for (const [name, fields] of Object.entries(filterFields) as [FilterName, FilterField[]][])
    own[name] = Object.fromEntries(fields.map((f) => [f.key, f.initial]));
  return {
    filter: 'log',
    own,
    boundary: 'mirror',
    twoD: false,
    rotationInvariant: false,
    pooling: 'max',
  };
}

/** The form as core's option record; empty fields are left out (the filter's default). */
export function filterOptionsOf(form: FilterForm): FilterOptions {
  const own = Object.entries(form.own[form.filter]).filter(([, v]) => v.trim() !== '');
  return {
    filter: form.filter,
    boundary: form.boundary,
    ...(form.twoD ? { '2d': true } : {}),
    ...(form.rotationInvariant ? { 'rotation-invariant': true, pooling: form.pooling } : {}),
    ...Object.fromEntries(own.map(([k, v]) => [k, v.trim()])),
  };
}

/** The form checked by core's parser: the spec and its canonical string, or the one problem. */
export function checkForm(
  form: FilterForm,
): { ok: true; spec: FilterSpec; label: string } | { ok: false; problem: Problem } {
  try {
    const spec = parseFilterOptions(filterOptionsOf(form));
    return { ok: true, spec, label: filterLabel(spec) };
  } catch (e) {
    return { ok: false, problem: problemOf(e, 'bad-filter-parameter') };
  }
}

import { describe, expect, it } from 'vitest';
import { parseFilterSpec, filterLabel } from '../../../core/filters/spec.ts';
import { checkForm, initialForm, type FilterForm } from './filterForm.ts';

function formWith(patch: Partial<FilterForm>, own: Record<string, string> = {}): FilterForm {
  const f = { ...initialForm(), ...patch };
  return { ...f, own: { ...f.own, [f.filter]: { ...f.own[f.filter], ...own } } };
}

describe('the Filters form', () => {
  it('names the same filter as the CLI spec string with the same values', () => {
    const form = formWith(
      {
        filter: 'log',
        boundary: 'nearest',
        twoD: true,
        rotationInvariant: true,
        pooling: 'average',
      },
      { sigma: '1.5' },
    );
    const r = checkForm(form);
    expect(r.ok && r.label).toBe(
      filterLabel(
        parseFilterSpec('log:sigma=1.5,boundary=nearest,2d,rotation-invariant,pooling=average'),
      ),
    );
  });

  it('gives every filter a valid default', () => {
    for (const filter of [
      'mean',
      'log',
      'laws',
      'gabor',
      'wavelet',
      'simoncelli',
      'riesz-log',
      'riesz-simoncelli',
    ] as const)
      expect(checkForm(formWith({ filter })).ok, filter).toBe(true);
  });

  it('refuses what the CLI refuses, with its problem code', () => {
    const r = checkForm(formWith({ filter: 'log' }, { sigma: '0' }));
    expect(!r.ok && [r.problem.code, r.problem.params.parameter]).toEqual([
      'bad-filter-parameter',
      'sigma',
    ]);
    const k = checkForm(formWith({ filter: 'laws' }, { kernel: 'Q5L5S5' }));
    expect(k.ok).toBe(false);
    // A 3-letter wavelet response on a per-slice (2D) filter.
    expect(checkForm(formWith({ filter: 'wavelet', twoD: true })).ok).toBe(false);
  });

  it('leaves an empty optional field to the filter default (Laws without an energy map)', () => {
    const r = checkForm(formWith({ filter: 'laws' }, { delta: '' }));
    expect(r.ok && r.label).toBe('laws:kernel=E5L5S5,boundary=mirror,dims=3');
    const e = checkForm(formWith({ filter: 'laws' }, { delta: '7' }));
    expect(e.ok && e.label).toBe('laws:kernel=E5L5S5,delta=7,boundary=mirror,dims=3');
  });
});

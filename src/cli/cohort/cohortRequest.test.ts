import { describe, expect, it } from 'vitest';
import { UsageError } from '../io/commandArgs.ts';
import { parseCohortRequest } from './cohortRequest.ts';

describe('cohort submit --command analyze', () => {
  it('carries --filter into the analyze settings, as consilium analyze does', () => {
    const request = parseCohortRequest('analyze', [
      'cohort-dir',
      '--no-model',
      '--filter',
      'log:sigma=3,boundary=mirror',
      '--filter',
      'mean:support=5',
    ]);
    expect(request.command).toBe('analyze');
    if (request.command !== 'analyze') return;
    expect(request.settings.filters?.map((f) => f.filter)).toEqual(['log', 'mean']);
  });

  it('refuses a bad filter by name before anything is queued', () => {
    expect(() => parseCohortRequest('analyze', ['d', '--filter', 'log:sigma=0'])).toThrow(
      UsageError,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { double } from './workerPool.fixture.ts';
import { ThreadPool } from './workerPool.ts';

const entry = new URL('./workerPool.fixture.ts', import.meta.url);

describe('ThreadPool', () => {
  it('runs tasks in TypeScript workers and answers each call with its own result', async () => {
    const pool = new ThreadPool<typeof double>(entry, 2);
    try {
      expect(await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(n)))).toEqual([2, 4, 6, 8, 10]);
    } finally {
      await pool.close();
    }
  });

  it('fails only the task whose worker crashed, and goes on with a fresh worker', async () => {
    const pool = new ThreadPool<typeof double>(entry, 1);
    try {
      const results = await Promise.allSettled([
        pool.run(1),
        pool.run(-1),
        pool.run(NaN),
        pool.run(4),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        'fulfilled',
        'rejected',
        'rejected',
        'fulfilled',
      ]);
      expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/negative -1/);
      expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/exit code 3/);
      expect((results[3] as PromiseFulfilledResult<number>).value).toBe(8);
    } finally {
      await pool.close();
    }
  });

  it('rejects running and queued tasks when closed', async () => {
    const pool = new ThreadPool<typeof double>(entry, 1);
    const tasks = Promise.allSettled([pool.run(1), pool.run(2)]);
    await pool.close();
    expect((await tasks).map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

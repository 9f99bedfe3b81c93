// The decode pool's time budget over real Comlink channels (Node's MessageChannel stands in for
// a Worker's port, as in bridge.test.ts): a call that runs past its budget is rejected with
// BudgetExceeded and its worker terminated, the next call gets a fresh worker, and calls wait
// for a free worker so the budget counts only their own work.
import { afterEach, describe, expect, it } from 'vitest';
import { channelWorkers } from './testing/channelWorkers.ts';
import { BudgetExceeded, BudgetPool } from './budgetPool.ts';

const api = {
  // A decode that takes `ms` (a codec spinning on a damaged frame takes forever: `never`).
  async work(ms: number, value: number): Promise<number> {
    await new Promise((r) => setTimeout(r, ms));
    return value;
  },
  never(): Promise<never> {
    return new Promise<never>(() => {});
  },
};
type Api = typeof api;

const workers = channelWorkers(api);
const fakeWorker = workers.create;

afterEach(() => workers.reset());

describe('BudgetPool', () => {
  it('abandons a call past its budget, stops its worker, and serves the next call on a fresh one', async () => {
    const pool = new BudgetPool<Api>(fakeWorker, 1, 100);
    const t0 = performance.now();
    const hung = await pool.call(undefined, 'never').catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(BudgetExceeded);
    expect((hung as BudgetExceeded).budgetMs).toBe(100);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(90);
    expect(workers.stopped).toBe(1);
    expect(await pool.call(undefined, 'work', 5, 42)).toBe(42);
    expect(workers.started).toBe(2);
    pool.terminate();
  });

  it('gives each worker one call at a time, so waiting does not count against the budget', async () => {
    const pool = new BudgetPool<Api>(fakeWorker, 1, 150);
    // Three 80 ms calls on one worker: 240 ms in all, each within its own 150 ms.
    const replies = await Promise.all([1, 2, 3].map((v) => pool.call(undefined, 'work', 80, v)));
    expect(replies).toEqual([1, 2, 3]);
    expect(workers.started).toBe(1);
    expect(workers.stopped).toBe(0);
    pool.terminate();
  });

  it('lets the calls queued behind an abandoned one run, and drops an aborted waiting call', async () => {
    const pool = new BudgetPool<Api>(fakeWorker, 1, 100);
    const hung = pool.call(undefined, 'never').catch((e: unknown) => e);
    const aborted = new AbortController();
    const dropped = pool.call(aborted.signal, 'work', 1, 7).catch((e: unknown) => e);
    const after = pool.call(undefined, 'work', 1, 8);
    expect(pool.queued).toBe(2);
    aborted.abort();
    expect(pool.queued).toBe(1);
    expect(await dropped).toMatchObject({ name: 'AbortError' });
    expect(await hung).toBeInstanceOf(BudgetExceeded);
    expect(await after).toBe(8);
    pool.terminate();
  });
});

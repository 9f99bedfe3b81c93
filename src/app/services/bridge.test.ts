// The typed bridge over a real Comlink channel (Node's MessageChannel stands in for a Worker's
// port): replies come back typed, callbacks run on this side, abort and idle terminate.
import { afterEach, describe, expect, it } from 'vitest';
import { channelWorkers } from './testing/channelWorkers.ts';
import { WorkerBridge } from './bridge.ts';

const api = {
  add(a: number, b: number): number {
    return a + b;
  },
  async count(to: number, onStep: (done: number, total: number) => void): Promise<number> {
    for (let i = 1; i <= to; i++) await onStep(i, to);
    return to;
  },
  // A progress call that reaches the page after the reply (it has its own port).
  lateStep(onStep: (done: number, total: number) => void): string {
    setTimeout(() => void onStep(9, 10), 20);
    return 'done';
  },
  never(): Promise<never> {
    return new Promise<never>(() => {});
  },
};
type Api = typeof api;

const workers = channelWorkers(api);
const fakeWorker = workers.create;

afterEach(() => workers.reset());

describe('WorkerBridge.call', () => {
  it('calls a method by name and resolves with its reply', async () => {
    const bridge = new WorkerBridge<Api>(fakeWorker);
    const sum: number = await bridge.call(undefined, 'add', 2, 40);
    expect(sum).toBe(42);
    bridge.terminate();
  });

  it('drops a progress call that arrives after the reply', async () => {
    const bridge = new WorkerBridge<Api>(fakeWorker);
    const steps: number[][] = [];
    expect(await bridge.call(undefined, 'lateStep', (d, t) => void steps.push([d, t]))).toBe(
      'done',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(steps).toEqual([]);
    bridge.terminate();
  });

  it("types calls by the worker's own signatures (checked by tsc, never run)", () => {
    const bridge = new WorkerBridge<Api>(fakeWorker);
    const unused = () => {
      // @ts-expect-error: add takes two numbers
      void bridge.call(undefined, 'add', '2', 40);
      // @ts-expect-error: no such method
      void bridge.call(undefined, 'subtract', 2, 40);
      // @ts-expect-error: the reply is a number, not a string
      const s: Promise<string> = bridge.call(undefined, 'add', 2, 40);
      return s;
    };
    expect(typeof unused).toBe('function');
    expect(workers.started).toBe(0);
  });

  it('runs a callback argument on this side, as the worker calls it', async () => {
    const bridge = new WorkerBridge<Api>(fakeWorker);
    const steps: [number, number][] = [];
    const n = await bridge.call(undefined, 'count', 3, (done, total) => {
      steps.push([done, total]);
    });
    expect(n).toBe(3);
    expect(steps).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    bridge.terminate();
  });

  it('rejects with AbortError and terminates the worker when aborted mid-call', async () => {
    const bridge = new WorkerBridge<Api>(fakeWorker);
    const ctl = new AbortController();
    const call = bridge.call(ctl.signal, 'never');
    ctl.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers.stopped).toBe(1);
    // The next call starts a fresh worker.
    expect(await bridge.call(undefined, 'add', 1, 1)).toBe(2);
    expect(workers.started).toBe(2);
    bridge.terminate();
  });

  it('terminates an idle worker after idleMs and restarts it on the next call', async () => {
    const bridge = new WorkerBridge<Api>(fakeWorker, 20);
    await bridge.call(undefined, 'add', 1, 2);
    await new Promise((r) => setTimeout(r, 60));
    expect(workers.stopped).toBe(1);
    expect(await bridge.call(undefined, 'add', 3, 4)).toBe(7);
    expect(workers.started).toBe(2);
    bridge.terminate();
  });
});

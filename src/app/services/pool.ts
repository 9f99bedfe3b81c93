// A fixed set of bridges to the same worker script; each call goes to the least busy one.
import type * as Comlink from 'comlink';
import { WorkerBridge } from './bridge.ts';

export class WorkerPool<Api extends object> {
  private readonly bridges: WorkerBridge<Api>[];

  constructor(create: () => Worker, size: number, idleMs?: number) {
    this.bridges = Array.from(
      { length: Math.max(1, size) },
      () => new WorkerBridge<Api>(create, idleMs),
    );
  }

  get size(): number {
    return this.bridges.length;
  }

  call<R>(
    signal: AbortSignal | undefined,
    fn: (api: Comlink.Remote<Api>) => Promise<R>,
  ): Promise<R> {
    let best = this.bridges[0];
    for (const b of this.bridges) if (b.pending < best.pending) best = b;
    return best.call(signal, fn);
  }

  terminate(): void {
    for (const b of this.bridges) b.terminate();
  }
}

/** Workers to start for CPU-bound work: leave one core to the page, use at most `max`. */
export function workerCount(max: number): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(max, cores - 1));
}

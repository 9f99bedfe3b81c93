// A fixed set of bridges to the same worker script; each call goes to the least busy one.
import { type ArgsOf, type MethodOf, type ReplyOf, WorkerBridge } from './bridge.ts';

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

  /** The typed call of WorkerBridge, on the bridge with the fewest calls in flight. */
  call<K extends MethodOf<Api>>(
    signal: AbortSignal | undefined,
    method: K,
    ...args: ArgsOf<Api[K]>
  ): Promise<ReplyOf<Api[K]>> {
    let best = this.bridges[0];
    for (const b of this.bridges) if (b.pending < best.pending) best = b;
    return best.call(signal, method, ...args);
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

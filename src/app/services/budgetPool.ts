// Workers that each run one call at a time, and a call that runs past its time budget is
// abandoned: its worker is terminated (a WASM codec spinning on a damaged frame cannot be
// interrupted any other way) and the next call starts a fresh one. One call per worker keeps
// the budget honest: it counts the call's own work, not a queue inside the worker.
import { abortError } from './abortable.ts';
import { type ArgsOf, type MethodOf, type ReplyOf, WorkerBridge } from './bridge.ts';

/** The reason a call is rejected with when it ran past its budget. */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`the call ran past its ${budgetMs} ms budget and its worker was stopped`);
    this.name = 'BudgetExceeded';
  }
}

export class BudgetPool<Api extends object> {
  private readonly all: WorkerBridge<Api>[];
  private readonly idle: WorkerBridge<Api>[];
  private readonly waiting: (() => void)[] = [];

  constructor(
    create: () => Worker,
    size: number,
    /** How long one call may run once a worker has taken it. */
    public budgetMs: number,
    idleMs?: number,
  ) {
    this.all = Array.from(
      { length: Math.max(1, size) },
      () => new WorkerBridge<Api>(create, idleMs),
    );
    this.idle = [...this.all];
  }

  /** Calls waiting for a worker. */
  get queued(): number {
    return this.waiting.length;
  }

  /** The typed call of WorkerBridge, on the next free worker, within the budget. */
  call<K extends MethodOf<Api>>(
    signal: AbortSignal | undefined,
    method: K,
    ...args: ArgsOf<Api[K]>
  ): Promise<ReplyOf<Api[K]>> {
    return new Promise<ReplyOf<Api[K]>>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', dequeue);
        const bridge = this.idle.pop()!;
        const budget = this.budgetMs;
        const timer = setTimeout(() => bridge.terminate(new BudgetExceeded(budget)), budget);
        bridge
          .call(signal, method, ...args)
          .then(resolve, reject)
          .finally(() => {
            clearTimeout(timer);
            this.idle.push(bridge);
            this.waiting.shift()?.();
          });
      };
      // A call aborted while it waits leaves the queue without ever reaching a worker.
      const dequeue = () => {
        const at = this.waiting.indexOf(start);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(abortError());
      };
      if (signal?.aborted) return reject(abortError());
      if (this.idle.length > 0) return start();
      this.waiting.push(start);
      signal?.addEventListener('abort', dequeue, { once: true });
    });
  }

  /** Stops every worker; calls in flight reject with an AbortError. */
  terminate(): void {
    for (const bridge of this.all) bridge.terminate();
  }
}

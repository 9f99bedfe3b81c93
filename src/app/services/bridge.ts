// A typed bridge to one worker, in the manner of squoosh's worker bridge: calls read like
// function calls (comlink), take an AbortSignal, and an abort terminates the worker rather
// than leaving it busy. An idle worker is terminated after a while and restarted on demand.
import * as Comlink from 'comlink';
import { abortable, abortError } from './abortable.ts';

/** The names of an Api's methods. */
export type MethodOf<Api> = {
  [K in keyof Api]: Api[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Api] &
  string;

/** What a method takes: its own parameters, as the worker declares them. */
export type ArgsOf<F> = F extends (...args: infer A) => unknown ? A : never;

/** What a method gives back on the page: its own return value, awaited. */
export type ReplyOf<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

// A function argument (a progress callback) cannot be cloned: it travels as a Comlink proxy,
// so the worker's calls run it here. The proxy has its own message port, so a progress call
// can arrive after the result: once the call has settled, such late calls are dropped (a late
// "9 of 10" must not turn a finished export back into a running one).
function forWorker(arg: unknown, settled: () => boolean): unknown {
  if (typeof arg !== 'function') return arg;
  const f = arg as (...a: unknown[]) => unknown;
  return Comlink.proxy((...a: unknown[]) => (settled() ? undefined : f(...a)));
}

export class WorkerBridge<Api extends object> {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<Api> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  // Calls in flight on the current worker, rejected together if it is terminated.
  private readonly inFlight = new Set<(e: unknown) => void>();

  constructor(
    private readonly create: () => Worker,
    private readonly idleMs = 30_000,
  ) {}

  /** Calls in flight: the pool sends new work to the least busy bridge. */
  get pending(): number {
    return this.inFlight.size;
  }

  /**
   * Calls the worker's `method` with `args`; the types are the worker's own (its `Api` is
   * `typeof api`), so a call site needs no cast. Function arguments are proxied.
   */
  call<K extends MethodOf<Api>>(
    signal: AbortSignal | undefined,
    method: K,
    ...args: ArgsOf<Api[K]>
  ): Promise<ReplyOf<Api[K]>> {
    let settled = false;
    const reply = this.run(signal, (remote) => {
      // The one cast: Comlink.Remote maps each method to a promise of its (cloned) result, but
      // its mapped type splits union replies, so the worker's own signature is used instead.
      const fn = (remote as unknown as Record<K, (...a: unknown[]) => Promise<ReplyOf<Api[K]>>>)[
        method
      ];
      return fn(...args.map((arg) => forWorker(arg, () => settled)));
    });
    // Set before the caller resumes, so its own state after the call is the last word.
    return reply.finally(() => {
      settled = true;
    });
  }

  /** Stops the worker; calls in flight reject with `reason` (an AbortError unless it crashed). */
  terminate(reason: unknown = abortError()): void {
    clearTimeout(this.idleTimer);
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    const rejects = [...this.inFlight];
    this.inFlight.clear();
    for (const reject of rejects) reject(reason);
  }

  private run<R>(
    signal: AbortSignal | undefined,
    fn: (remote: Comlink.Remote<Api>) => Promise<R>,
  ): Promise<R> {
    if (signal?.aborted) return Promise.reject(abortError());
    clearTimeout(this.idleTimer);
    const remote = this.ensure();
    return new Promise<R>((resolve, reject) => {
      this.inFlight.add(reject);
      abortable(signal, fn(remote), () => this.terminate())
        .then(resolve, reject)
        .finally(() => {
          this.inFlight.delete(reject);
          if (this.inFlight.size === 0) this.scheduleIdle();
        });
    });
  }

  private ensure(): Comlink.Remote<Api> {
    if (!this.remote) {
      this.worker = this.create();
      // A worker that fails to load or crashes would leave its calls pending forever.
      this.worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.terminate(new Error(`the worker stopped: ${e.message || 'it could not be started'}`));
      });
      this.remote = Comlink.wrap<Api>(this.worker);
    }
    return this.remote;
  }

  private scheduleIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.terminate(), this.idleMs);
  }
}

// A typed bridge to one worker, in the manner of squoosh's worker bridge: calls read like
// function calls (comlink), take an AbortSignal, and an abort terminates the worker rather
// than leaving it busy. An idle worker is terminated after a while and restarted on demand.
import * as Comlink from 'comlink';
import { abortable, abortError } from './abortable.ts';

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

  call<R>(
    signal: AbortSignal | undefined,
    fn: (api: Comlink.Remote<Api>) => Promise<R>,
  ): Promise<R> {
    if (signal?.aborted) return Promise.reject(abortError());
    clearTimeout(this.idleTimer);
    const api = this.ensure();
    return new Promise<R>((resolve, reject) => {
      this.inFlight.add(reject);
      abortable(signal, fn(api), () => this.terminate())
        .then(resolve, reject)
        .finally(() => {
          this.inFlight.delete(reject);
          if (this.inFlight.size === 0) this.scheduleIdle();
        });
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

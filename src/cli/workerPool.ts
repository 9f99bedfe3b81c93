// A pool of node:worker_threads workers that each run one TypeScript module through tsx: tasks
// queue in order and each goes to the next free worker, started when first needed. The worker
// side is `serve(fn)`; the pool is typed by that same fn, so the message shapes are written once.
import { parentPort, Worker } from 'node:worker_threads';

type Handler = (input: never) => unknown;

interface Task<F extends Handler> {
  input: Parameters<F>[0];
  transfer: ArrayBuffer[];
  resolve(output: Awaited<ReturnType<F>>): void;
  reject(error: unknown): void;
}

/** In a worker: answer every message with `handle(message)`. */
export function serve<F extends Handler>(handle: F): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs inside a worker thread.');
  // A throw here is uncaught: the worker stops and the pool rejects that task.
  // An async handler's promise is awaited: its value is what goes back.
  port.on('message', async (input: Parameters<F>[0]) => port.postMessage(await handle(input)));
}

export class ThreadPool<F extends Handler> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task<F>>();
  private readonly queue: Task<F>[] = [];
  private closed = false;

  constructor(
    private readonly entry: URL,
    private readonly size: number,
  ) {}

  /** Runs `input` in a worker; the buffers in `transfer` move there (and are detached here). */
  run(input: Parameters<F>[0], transfer: ArrayBuffer[] = []): Promise<Awaited<ReturnType<F>>> {
    if (this.closed) return Promise.reject(new Error('The worker pool is closed.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ input, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker; tasks queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const closed = new Error('The worker pool is closed.');
    for (const task of [...this.queue.splice(0), ...this.busy.values()]) task.reject(closed);
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.input, task.transfer);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./tsxWorker.mjs', import.meta.url), {
      workerData: { entry: this.entry.href },
    });
    worker.on('message', (output: Awaited<ReturnType<F>>) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      if (!this.closed) this.idle.push(worker);
      task?.resolve(output);
      this.dispatch();
    });
    // A worker that crashes fails its task only; the next task gets a fresh worker.
    const fail = (error: unknown): void => {
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      const task = this.busy.get(worker);
      if (!task) return;
      this.busy.delete(worker);
      task.reject(error);
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A worker stopped (exit code ${code}).`)));
    return worker;
  }
}

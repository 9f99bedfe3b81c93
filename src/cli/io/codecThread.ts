// The CLI's bound on decode work: WASM codecs (CharLS, OpenJPEG, OpenJPH) run in a worker
// thread, one frame at a time, and a frame still decoding after the budget has its thread
// terminated (nothing else stops a codec spinning inside WASM) and fails with 'decode-timeout';
// the next frame starts a fresh thread. The marker checks (core/dicom/codecs/*Codestream.ts)
// refuse the damaged frames known to hang; this catches the ones not yet known.
import { Worker } from 'node:worker_threads';
import type { CodecFrame } from '../../core/dicom/codecs/codecFrame.ts';
import {
  setCodecRunner,
  type CodecRunner,
  type WasmEncoding,
} from '../../core/dicom/codecs/codecRunner.ts';
import { DicomProblem } from '../../core/dicom/loadError.ts';
import type { CodecReply, CodecTask } from './codecThreadEntry.ts';

/** The default budget: the largest valid frames decode in a few seconds. */
export const CLI_DECODE_BUDGET_MS = 60_000;

const names: Record<WasmEncoding, string> = {
  'jpeg-ls': 'JPEG-LS',
  jpeg2000: 'JPEG 2000',
  htj2k: 'HTJ2K',
};

interface Job {
  task: CodecTask;
  resolve(frame: CodecFrame): void;
  reject(error: unknown): void;
}

export class CodecThread {
  private worker: Worker | undefined;
  private ready = false;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: ReturnType<typeof setTimeout> } | undefined;

  constructor(readonly budgetMs = CLI_DECODE_BUDGET_MS) {}

  /** Decodes one frame in the codec thread, within the budget. */
  readonly run: CodecRunner = (encoding, frame, info) =>
    new Promise<CodecFrame>((resolve, reject) => {
      // A copy: the frame is a view into the whole file, which must stay here.
      this.queue.push({ task: { encoding, frame: frame.slice(), info }, resolve, reject });
      this.pump();
    });

  /** Stops the thread; frames waiting or decoding are rejected. */
  async close(): Promise<void> {
    const stopped = new Error('the codec thread was closed');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    this.finish()?.reject(stopped);
    await this.stop();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const worker = this.ensure();
    if (!this.ready) return; // 'ready' pumps again
    const job = this.queue.shift()!;
    const timer = setTimeout(() => this.timeout(), this.budgetMs);
    this.current = { job, timer };
    worker.ref();
    worker.postMessage(job.task, [job.task.frame.buffer as ArrayBuffer]);
  }

  private timeout(): void {
    const job = this.finish();
    void this.stop();
    if (job) {
      const seconds = this.budgetMs / 1000;
      job.reject(
        new DicomProblem(
          'decode-timeout',
          `decoding the ${names[job.task.encoding]} frame took longer than ${seconds} s, so its codec was stopped (the compressed data is probably damaged)`,
          { seconds },
        ),
      );
    }
    this.pump();
  }

  /** The job in flight, taken off the thread. */
  private finish(): Job | undefined {
    if (!this.current) return undefined;
    const { job, timer } = this.current;
    clearTimeout(timer);
    this.current = undefined;
    if (this.queue.length === 0) this.worker?.unref(); // an idle thread keeps no CLI alive
    return job;
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../tsxWorker.mjs', import.meta.url), {
      workerData: { entry: new URL('./codecThreadEntry.ts', import.meta.url).href },
    });
    this.worker = worker;
    this.ready = false;
    worker.on('message', (reply: CodecReply | 'ready') => {
      if (worker !== this.worker) return;
      if (reply === 'ready') {
        this.ready = true;
        if (this.queue.length === 0) worker.unref();
      } else {
        const job = this.finish();
        if (reply.ok) job?.resolve(reply.frame);
        else if (reply.problem)
          job?.reject(
            new DicomProblem(reply.problem.code, reply.problem.reason, reply.problem.params),
          );
        else job?.reject(new Error(reply.message));
      }
      this.pump();
    });
    const fail = (error: Error) => {
      if (worker !== this.worker) return;
      this.worker = undefined;
      this.finish()?.reject(error);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the codec thread stopped (exit code ${code})`)));
    return worker;
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    await worker?.terminate();
  }
}

// One codec thread per thread of this process, shared by overlapping commands (tests run
// several main() calls at once): the last one to finish closes it.
let shared: { thread: CodecThread; users: number } | undefined;

/**
 * Sends this thread's WASM decoding to a codec thread with a time budget
 * (CONSILIUM_DECODE_BUDGET_MS overrides it); returns the function that lets it go.
 */
export function installCodecThread(budgetMs = budgetFromEnv()): () => Promise<void> {
  shared ??= { thread: new CodecThread(budgetMs), users: 0 };
  const mine = shared;
  mine.users++;
  setCodecRunner(mine.thread.run);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--mine.users > 0) return;
    if (shared === mine) shared = undefined;
    setCodecRunner(undefined);
    await mine.thread.close();
  };
}

function budgetFromEnv(): number {
  const ms = Number(process.env.CONSILIUM_DECODE_BUDGET_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : CLI_DECODE_BUDGET_MS;
}

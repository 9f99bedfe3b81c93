// Compiles the codecs' WebAssembly ahead of a study's first compressed frame, in a decode worker
// the page has warmed: one codec at a time, each once the worker has had nothing to decode for a
// quiet second and then after a background-priority task, so the warm-up never competes with a
// study being loaded (with the compiles beside its parse and first decodes, the 200-slice CT's
// first image came 100-200 ms later in two pairs of bench app.bench.ts runs). Compiling, not
// instantiating: a compiled module costs its machine code, an instance its whole 50 MB heap. A
// frame whose codec is not compiled yet compiles it itself, through the same one compile
// (core/dicom/codecs/compiledCodecs.ts).
import type { CodecWasm } from '../core/dicom/codecs/wasmLocator.ts';

/** Most common in archives first: JPEG 2000, then JPEG, JPEG-LS and HTJ2K. */
export const warmupOrder: readonly CodecWasm[] = [
  'openjpeg',
  'libjpeg-turbo-8bit',
  'charls',
  'openjph',
];

export interface CodecWarmup {
  /** Starts the warm-up (once; later calls do nothing). */
  start(): void;
  /** Brackets each decode, so no compile starts while a frame is in hand. */
  decodeStarted(): void;
  decodeEnded(): void;
}

export interface WarmupHooks {
  /** Compiles one codec (a no-op when it was started already); never rejects. */
  compile(codec: CodecWasm): Promise<unknown>;
  /** Resolves when the thread has nothing more urgent to do. */
  idle(): Promise<void>;
  /** How long the worker must have had no frame before a compile starts (and after start). */
  quietMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function codecWarmup({ compile, idle, quietMs }: WarmupHooks): CodecWarmup {
  let started = false;
  let decoding = 0;
  let lastBusy = 0;
  let wake: (() => void) | undefined;
  const noDecode = () =>
    decoding === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve));

  /** Until no frame is in hand, none was for quietMs, and the thread is idle. */
  async function quiet(): Promise<void> {
    for (;;) {
      if (decoding > 0) await noDecode();
      const wait = lastBusy + quietMs - Date.now();
      if (wait > 0) await sleep(wait);
      else {
        await idle();
        if (decoding === 0 && Date.now() - lastBusy >= quietMs) return;
      }
    }
  }

  async function run(): Promise<void> {
    for (const codec of warmupOrder) {
      await quiet();
      await compile(codec);
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      lastBusy = Date.now();
      void run();
    },
    decodeStarted() {
      decoding++;
    },
    decodeEnded() {
      decoding--;
      lastBusy = Date.now();
      if (decoding === 0) {
        wake?.();
        wake = undefined;
      }
    },
  };
}

interface PostTaskScheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<void>;
}

/** A background-priority task where the scheduler API exists (Chromium), else a plain task. */
export function backgroundIdle(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler) return scheduler.postTask(() => {}, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

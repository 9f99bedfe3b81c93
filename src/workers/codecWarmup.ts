// Compiles the codecs' WebAssembly ahead of a study's first compressed frame, in a decode worker
// the page has warmed: one codec at a time, each after a background-priority task and only while
// no frame is being decoded, so the warm-up never delays a frame or competes with one for the
// CPU. Compiling, not instantiating: a compiled module costs its machine code (a few MB for all
// four), an instance its whole heap. A frame whose codec is not compiled yet compiles it itself
// (through the same one compile: core/dicom/codecs/compiledCodecs.ts).
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
}

export function codecWarmup({ compile, idle }: WarmupHooks): CodecWarmup {
  let started = false;
  let decoding = 0;
  let wake: (() => void) | undefined;
  const noDecode = () =>
    decoding === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve));

  async function run(): Promise<void> {
    for (const codec of warmupOrder) {
      await idle();
      while (decoding > 0) {
        await noDecode();
        await idle();
      }
      await compile(codec);
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      void run();
    },
    decodeStarted() {
      decoding++;
    },
    decodeEnded() {
      decoding--;
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

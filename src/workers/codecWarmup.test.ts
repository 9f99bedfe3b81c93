// The decode worker's warm-up compiles every codec once, in order, each only after the thread is
// idle and never while a frame is being decoded.
import { describe, expect, it } from 'vitest';
import type { CodecWasm } from '../core/dicom/codecs/wasmLocator.ts';
import { codecWarmup, warmupOrder } from './codecWarmup.ts';

/** An idle() the test releases by hand, and a compile that records what it was asked. */
function harness() {
  const compiled: CodecWasm[] = [];
  const idles: (() => void)[] = [];
  const warmup = codecWarmup({
    compile: async (codec) => {
      compiled.push(codec);
    },
    idle: () => new Promise<void>((resolve) => idles.push(resolve)),
  });
  /** Lets pending promise callbacks run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const releaseIdle = async () => {
    idles.shift()?.();
    await settle();
  };
  return { warmup, compiled, idles, releaseIdle, settle };
}

describe('codec warm-up in the decode worker', () => {
  it('compiles nothing until started, then each codec once, one per idle turn', async () => {
    const h = harness();
    await h.settle();
    expect(h.idles).toHaveLength(0);
    h.warmup.start();
    h.warmup.start(); // a second ready() does not start a second warm-up
    await h.settle();
    expect(h.compiled).toEqual([]); // waits for the thread to be idle first
    expect(h.idles).toHaveLength(1);
    for (let i = 1; i <= warmupOrder.length; i++) {
      await h.releaseIdle();
      expect(h.compiled).toEqual(warmupOrder.slice(0, i));
    }
    expect(h.idles).toHaveLength(0);
    expect(new Set(h.compiled).size).toBe(4);
  });

  it('starts no compile while a frame is being decoded', async () => {
    const h = harness();
    h.warmup.start();
    await h.releaseIdle();
    expect(h.compiled).toEqual(['openjpeg']);
    h.warmup.decodeStarted();
    h.warmup.decodeStarted();
    await h.releaseIdle(); // idle, but two frames in hand
    h.warmup.decodeEnded();
    await h.settle();
    expect(h.compiled).toEqual(['openjpeg']);
    h.warmup.decodeEnded(); // the last frame done: the warm-up waits for idle once more
    await h.settle();
    expect(h.compiled).toEqual(['openjpeg']);
    await h.releaseIdle();
    expect(h.compiled).toEqual(['openjpeg', 'libjpeg-turbo-8bit']);
  });
});

// The decode worker's warm-up compiles every codec once, in order, and only after a quiet second
// with no frame in hand, each after an idle turn of the thread: a study being loaded never shares
// the CPU with it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodecWasm } from '../core/dicom/codecs/wasmLocator.ts';
import { codecWarmup, warmupOrder } from './codecWarmup.ts';

const QUIET_MS = 1000;

/** An idle() the test releases by hand, and a compile that records what it was asked. */
function harness() {
  const compiled: CodecWasm[] = [];
  const idles: (() => void)[] = [];
  const warmup = codecWarmup({
    compile: async (codec) => {
      compiled.push(codec);
    },
    idle: () => new Promise<void>((resolve) => idles.push(resolve)),
    quietMs: QUIET_MS,
  });
  const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
  const releaseIdle = async () => {
    idles.shift()?.();
    await advance(0);
  };
  return { warmup, compiled, idles, releaseIdle, advance };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('codec warm-up in the decode worker', () => {
  it('compiles nothing until started and quiet, then each codec once, one per idle turn', async () => {
    const h = harness();
    await h.advance(5000);
    expect(h.idles).toHaveLength(0);
    h.warmup.start();
    await h.advance(QUIET_MS - 1);
    h.warmup.start(); // a second ready(true) does not start a second warm-up
    expect(h.idles).toHaveLength(0); // a quiet second first
    await h.advance(1);
    expect(h.idles).toHaveLength(1); // then an idle turn
    expect(h.compiled).toEqual([]);
    for (let i = 1; i <= warmupOrder.length; i++) {
      await h.releaseIdle();
      expect(h.compiled).toEqual(warmupOrder.slice(0, i));
    }
    expect(h.idles).toHaveLength(0);
    expect(new Set(h.compiled).size).toBe(4);
  });

  it('starts no compile while frames are decoded, nor within a quiet second after', async () => {
    const h = harness();
    h.warmup.start();
    await h.advance(QUIET_MS);
    await h.releaseIdle();
    expect(h.compiled).toEqual(['openjpeg']);
    h.warmup.decodeStarted();
    h.warmup.decodeStarted();
    await h.releaseIdle(); // the thread idle, but two frames in hand
    await h.advance(5000);
    h.warmup.decodeEnded();
    await h.advance(5000);
    expect(h.compiled).toEqual(['openjpeg']);
    h.warmup.decodeEnded(); // the last frame done: a quiet second, then an idle turn
    await h.advance(QUIET_MS - 1);
    expect(h.idles).toHaveLength(0);
    await h.advance(1);
    await h.releaseIdle();
    expect(h.compiled).toEqual(['openjpeg', 'libjpeg-turbo-8bit']);
  });

  it('a frame that comes while it waits for the idle turn puts the compile off again', async () => {
    const h = harness();
    h.warmup.start();
    await h.advance(QUIET_MS);
    expect(h.idles).toHaveLength(1);
    h.warmup.decodeStarted();
    h.warmup.decodeEnded();
    await h.releaseIdle(); // idle, but a frame was decoded a moment ago
    expect(h.compiled).toEqual([]);
    await h.advance(QUIET_MS);
    await h.releaseIdle();
    expect(h.compiled).toEqual(['openjpeg']);
  });
});

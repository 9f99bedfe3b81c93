// The pieces of the PACS ingest path that run without a browser: joining a streamed part's pieces
// (shared memory on an isolated page), holding bytes as a file's source, and once-a-frame work.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { joinedBytes } from './joinedBytes.ts';
import { oncePerFrame } from './oncePerFrame.ts';
import { decodableSource, rememberBytes, sourceOf } from './sources.ts';

function pieces(): Uint8Array[] {
  const whole = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);
  // Views into one buffer at odd offsets, as a multipart part's slices of received chunks are.
  return [
    whole.subarray(0, 3),
    whole.subarray(3, 600),
    whole.subarray(600, 601),
    whole.subarray(601),
  ];
}

describe('joinedBytes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('joins the pieces byte for byte into an array of their own', () => {
    const parts = pieces();
    const out = joinedBytes(parts);
    expect(out.length).toBe(1000);
    expect([...out]).toEqual([...parts.flatMap((p) => [...p])]);
    expect(out.byteOffset).toBe(0);
    expect(out.buffer.byteLength).toBe(1000);
    expect(out.buffer).not.toBe(parts[0].buffer);
  });

  it('uses shared memory where the page is cross-origin isolated, plain memory elsewhere', () => {
    expect(joinedBytes(pieces()).buffer).toBeInstanceOf(ArrayBuffer);
    vi.stubGlobal('crossOriginIsolated', true);
    const shared = joinedBytes(pieces());
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared[999]).toBe((999 * 7) & 0xff);
  });

  it('takes one array as it is given', () => {
    const one = Uint8Array.of(1, 2, 3);
    expect([...joinedBytes(one)]).toEqual([1, 2, 3]);
  });

  it('keeps an instance the series worker already joined into shared memory, without a copy', () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const shared = new Uint8Array(new SharedArrayBuffer(4));
    shared.set([9, 8, 7, 6]);
    expect(joinedBytes(shared)).toBe(shared);
    // A plain array on the isolated page still goes to shared memory (the workers read it there).
    const plain = Uint8Array.of(1, 2);
    const out = joinedBytes(plain);
    expect(out.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...out]).toEqual([1, 2]);
  });
});

describe('sources held as bytes', () => {
  it('decode workers get the bytes themselves; exports get a Blob of the same bytes', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const bytes = joinedBytes(pieces());
    vi.unstubAllGlobals();
    rememberBytes('pacs/instance-1', bytes);
    expect(decodableSource('pacs/instance-1')).toBe(bytes);
    const blob = sourceOf('pacs/instance-1');
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob!.arrayBuffer())]).toEqual([...bytes]);
    // The Blob is made once, and decoding still reads the bytes.
    expect(sourceOf('pacs/instance-1')).toBe(blob);
    expect(decodableSource('pacs/instance-1')).toBe(bytes);
    expect(sourceOf('not-loaded')).toBeUndefined();
  });
});

describe('oncePerFrame', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs many requests of one frame once, on the frame, and again for the next', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    const fn = vi.fn();
    const ask = oncePerFrame(fn);
    for (let i = 0; i < 50; i++) ask();
    expect(fn).not.toHaveBeenCalled();
    frames.shift()!();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200); // the fallback timer finds nothing left to do
    expect(fn).toHaveBeenCalledTimes(1);
    ask();
    frames.shift()!();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('with a gap, runs at most once in it, and the last request is never lost', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    const fn = vi.fn();
    const ask = oncePerFrame(fn, 150);
    ask();
    frames.shift()!();
    expect(fn).toHaveBeenCalledTimes(1);
    ask(); // 0 ms after the run: waits out the gap before asking for a frame
    vi.advanceTimersByTime(100);
    expect(frames).toHaveLength(0);
    for (let i = 0; i < 20; i++) ask();
    vi.advanceTimersByTime(50);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('still runs where animation frames do not (a hidden tab)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const fn = vi.fn();
    const ask = oncePerFrame(fn);
    ask();
    ask();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

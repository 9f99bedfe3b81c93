import { describe, expect, it } from 'vitest';
import type { DecodedFrame } from '../../core/dicom/types.ts';
import { FrameCache, sharedFrame } from './frameCache.ts';

const frame = (pixels: number): DecodedFrame => ({
  rows: 1,
  columns: pixels,
  samplesPerPixel: 1,
  values: new Float32Array(pixels),
  min: 0,
  max: 0,
  invert: false,
});

describe('frame cache', () => {
  it('decodes a frame once and serves it again', async () => {
    const cache = new FrameCache(1 << 20);
    let loads = 0;
    const load = async () => (loads++, frame(10));
    const a = await cache.getOrLoad('x#0', load);
    const b = await cache.getOrLoad('x#0', load);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    expect(cache.usedBytes).toBe(40);
  });

  it('drops the least recently used frames beyond its budget', async () => {
    const cache = new FrameCache(100); // room for two 40-byte frames
    await cache.getOrLoad('a', async () => frame(10));
    await cache.getOrLoad('b', async () => frame(10));
    await cache.getOrLoad('a', async () => frame(10)); // a is now newer than b
    await cache.getOrLoad('c', async () => frame(10));
    await Promise.resolve();
    expect(cache.has('a')).toBe(true);
    expect(cache.has('b')).toBe(false);
    expect(cache.has('c')).toBe(true);
    expect(cache.usedBytes).toBe(80);
  });

  it('forgets a failed decode so it can be retried', async () => {
    const cache = new FrameCache(1000);
    await expect(cache.getOrLoad('bad', () => Promise.reject(new Error('x')))).rejects.toThrow();
    expect(cache.has('bad')).toBe(false);
  });

  it('keeps a shared cache in SharedArrayBuffers, counted in the same budget', async () => {
    const cache = new FrameCache(100, true);
    const a = await cache.getOrLoad('a', async () => frame(10));
    expect(a.values.buffer).toBeInstanceOf(SharedArrayBuffer);
    const decoded = sharedFrame(frame(10));
    const b = await cache.getOrLoad('b', async () => decoded);
    expect(b).toBe(decoded); // already shared: kept as the worker wrote it, not copied
    await cache.getOrLoad('c', async () => frame(10));
    expect(cache.usedBytes).toBe(80);
    expect(cache.has('a')).toBe(false);
  });
});

// The lent reading of a fetch body (fetchTransport + slabReader) on Node's own fetch Response,
// whose body is a byte stream with a real BYOB reader: the same bytes as the default reader, in
// slabs, one memory reused once the slabs stop growing, and the idle timeout still armed.
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../bytes/concat.ts';
import { fetchTransport, type PlatformFetch } from './fetchTransport.ts';
import type { HttpResponse } from './http.ts';
import type { ChunkReader } from './multipartStream.ts';
import { defaultSlabSizes } from './slabReader.ts';

function body(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 7919 + (i >> 13)) & 0xff;
  return out;
}

const get = { method: 'GET' as const, headers: {}, timeoutMs: 2000 };

async function answer(bytes: Uint8Array<ArrayBuffer>): Promise<HttpResponse> {
  const platform = (async () => new Response(bytes)) as unknown as PlatformFetch;
  return fetchTransport(platform, AbortSignal, AbortController)('http://pacs.test/series', get);
}

describe('a lent fetch body', () => {
  const bytes = body(14 * (1 << 20) + 12_345);

  it('gives the same bytes in full slabs, one memory reused once they stop growing', async () => {
    const reader = (await answer(bytes)).body?.getReader({ lent: true }) as ChunkReader;
    const copies: Uint8Array[] = [];
    const values: Uint8Array[] = [];
    for (;;) {
      const r = await reader.read();
      if (r.done || !r.value) break;
      values.push(r.value);
      copies.push(r.value.slice());
    }
    expect(Buffer.from(concatBytes(copies)).equals(Buffer.from(bytes))).toBe(true);
    const { first, most } = defaultSlabSizes;
    // 512 KiB, 1, 2, 4, 4 MiB, then the rest.
    const sizes = [first, 2 * first, 4 * first, most, most];
    expect(copies.map((c) => c.length)).toEqual([
      ...sizes,
      bytes.length - sizes.reduce((a, b) => a + b),
    ]);
    // Each 4 MiB read detaches the memory of the 4 MiB value before it: the same slab again.
    expect(values[3].byteLength).toBe(0);
    expect(values[4].byteLength).toBe(0);
    // The growing slabs were left to their values.
    expect(values[0].byteLength).toBe(first);
  });

  it('leaves a reader that may keep its chunks as it was', async () => {
    const reader = (await answer(bytes)).body?.getReader() as ChunkReader;
    const values: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done && r.value; r = await reader.read())
      values.push(r.value);
    expect(values.every((v) => v.byteLength > 0)).toBe(true);
    expect(Buffer.from(concatBytes(values)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('still times out a body that stops flowing', async () => {
    // One chunk, then silence; aborting the request errors the body, as fetch's does.
    const platform = (async (_url: string, init: { signal: AbortSignal }) => {
      let pulls = 0;
      const stalled = new ReadableStream({
        type: 'bytes',
        start(controller) {
          init.signal.addEventListener('abort', () => controller.error(init.signal.reason));
        },
        pull(controller) {
          if (pulls++ === 0) controller.enqueue(new Uint8Array(1000));
          return new Promise(() => undefined);
        },
      });
      return { status: 200, headers: new Headers(), body: stalled };
    }) as unknown as PlatformFetch;
    const response = await fetchTransport(
      platform,
      AbortSignal,
      AbortController,
    )('http://pacs.test/series', { ...get, timeoutMs: 150 });
    const reader = response.body?.getReader({ lent: true }) as ChunkReader;
    await expect(reader.read()).rejects.toThrow(/no data within 150 ms/);
  }, 5000);
});

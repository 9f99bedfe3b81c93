import { describe, expect, it } from 'vitest';
import { parseMultipart, writeMultipart } from './multipart.ts';
import { MultipartFormatError, streamMultipart, type ChunkReader } from './multipartStream.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const type = 'multipart/related; type="application/dicom"; boundary=bnd-77';
const limits = { maxParts: 1000, maxHeaderBytes: 1024, maxBytes: 1 << 24 };

/** A reader handing `body` out in the given chunk sizes (cycled), counting cancels. */
function chunked(body: Uint8Array, sizes: readonly number[]): ChunkReader & { cancels: number } {
  let at = 0;
  let k = 0;
  const reader = {
    cancels: 0,
    read: async () => {
      if (at >= body.length) return { done: true };
      const n = Math.max(1, sizes[k++ % sizes.length]);
      const value = body.slice(at, at + n);
      at += n;
      return { done: false, value };
    },
    cancel: async () => {
      reader.cancels++;
    },
  };
  return reader;
}

async function collect(body: Uint8Array, sizes: readonly number[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const p of streamMultipart(type, chunked(body, sizes), limits)) out.push(p.body);
  return out;
}

/** Deterministic pseudo-random bytes, rich in CR, LF and '-' so boundaries are nearly matched. */
function noisy(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  const alphabet = [13, 10, 45, 98, 48, 0, 255];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s % 3 === 0 ? alphabet[(s >>> 8) % alphabet.length] : (s >>> 16) & 0xff;
  }
  return out;
}

describe('streamed multipart/related', () => {
  const bodies = [
    noisy(5000, 1),
    new Uint8Array(0),
    enc('--b\r\n--bnd-7x\r\n--bnd-'),
    noisy(70_000, 2),
  ];
  const written = writeMultipart(
    bodies.map((body) => ({ contentType: 'application/dicom', body })),
    'bnd-77',
  );

  it('gives the same parts as the whole-body reader, however the bytes are cut', async () => {
    const whole = parseMultipart(type, written);
    if (!whole.ok) throw new Error(whole.reason);
    const hex = (bs: readonly Uint8Array[]) => bs.map((b) => Buffer.from(b).toString('hex'));
    const expected = hex(whole.parts.map((p) => p.body));
    for (const sizes of [[1], [2, 3, 5], [7], [64 * 1024], [written.length], [13, 4096, 1]]) {
      expect(hex(await collect(written, sizes))).toEqual(expected);
    }
  });

  it('copies nothing on the way in: parts are slices of the received chunks', async () => {
    const chunks: Uint8Array[] = [];
    const reader = chunked(written, [64 * 1024]);
    const keeping: ChunkReader = {
      read: async () => {
        const r = await reader.read();
        if (r.value) chunks.push(r.value);
        return r;
      },
    };
    const parts = [];
    for await (const p of streamMultipart(type, keeping, limits)) parts.push(p);
    const buffers = new Set(chunks.map((c) => c.buffer));
    for (const p of parts)
      for (const piece of p.pieces) expect(buffers.has(piece.buffer)).toBe(true);
    // The first part lies inside the first chunk: its body is that chunk's own memory.
    expect(parts[0].pieces).toHaveLength(1);
    expect(parts[0].body.buffer).toBe(chunks[0].buffer);
    // The last one straddles the two chunks: joined once, exactly its size.
    expect(parts[3].pieces).toHaveLength(2);
    expect(parts[3].body.byteLength).toBe(70_000);
    expect(parts[3].body.buffer.byteLength).toBe(70_000);
    expect(parts[3].body).toBe(parts[3].body);
  });

  it('makes one piece of chunks that lie end to end in one buffer', async () => {
    // A source that reads into one slab, 1000 bytes at a time: views of the same memory.
    const slab = written.slice();
    let at = 0;
    const reader: ChunkReader = {
      read: async () => {
        if (at >= slab.length) return { done: true };
        const value = slab.subarray(at, at + 1000);
        at += value.length;
        return { done: false, value };
      },
    };
    const parts = [];
    for await (const p of streamMultipart(type, reader, limits)) parts.push(p);
    expect(parts.map((p) => p.pieces.length)).toEqual([1, 0, 1, 1]);
    expect(parts[3].body.buffer).toBe(slab.buffer);
    expect(Buffer.from(parts[3].body).equals(Buffer.from(bodies[3]))).toBe(true);
  });

  it('hands each part on before the rest of the body has arrived', async () => {
    let delivered = 0;
    const reader = chunked(written, [1000]);
    const counting: ChunkReader = {
      read: async () => {
        const r = await reader.read();
        if (r.value) delivered += r.value.length;
        return r;
      },
    };
    for await (const part of streamMultipart(type, counting, limits)) {
      if (part.body.length === 5000) expect(delivered).toBeLessThan(written.length / 2);
    }
  });

  it('reads a preamble and ignores the epilogue, as the standard says', async () => {
    const body = enc(
      'preamble\r\n--bnd-77\r\nContent-Type: x\r\n\r\nabc\r\n--bnd-77--\r\nepilogue',
    );
    expect((await collect(body, [3])).map((b) => new TextDecoder().decode(b))).toEqual(['abc']);
  });

  it('refuses a body cut short, and frees the connection', async () => {
    const cut = written.subarray(0, written.length - 20);
    const reader = chunked(cut, [4096]);
    const read = async () => {
      for await (const _ of streamMultipart(type, reader, limits));
    };
    await expect(read()).rejects.toThrow(/no closing boundary|close delimiter/);
    const noBoundary = chunked(enc('just some text'), [4]);
    await expect(
      (async () => {
        for await (const _ of streamMultipart(type, noBoundary, limits));
      })(),
    ).rejects.toBeInstanceOf(MultipartFormatError);
  });

  it('stops at its bounds: total bytes, parts, header size', async () => {
    const small = { ...limits, maxBytes: 10_000 };
    const over = async () => {
      for await (const _ of streamMultipart(type, chunked(written, [4096]), small));
    };
    await expect(over()).rejects.toThrow(/over the limit of 10000 bytes/);
    const endless = enc(`--bnd-77\r\nX: ${'a'.repeat(5000)}`);
    const headers = async () => {
      for await (const _ of streamMultipart(type, chunked(endless, [100]), limits));
    };
    await expect(headers()).rejects.toThrow(/headers do not end/);
    const many = writeMultipart(
      Array.from({ length: 5 }, () => ({ contentType: 'x', body: enc('y') })),
      'bnd-77',
    );
    const parts = async () => {
      for await (const _ of streamMultipart(type, chunked(many, [9]), { ...limits, maxParts: 3 }));
    };
    await expect(parts()).rejects.toThrow(/more than 3 parts/);
  });

  /** The parts as Orthanc writes them: each with a Content-Length (here `lengths`, maybe wrong). */
  function withLengths(lengths: readonly number[]): Uint8Array {
    const text = bodies.map(
      (b, i) =>
        `${i === 0 ? '' : '\r\n'}--bnd-77\r\nContent-Type: application/dicom\r\n` +
        `Content-Length: ${lengths[i]}\r\n\r\n${Buffer.from(b).toString('latin1')}`,
    );
    return new Uint8Array(Buffer.from(`${text.join('')}\r\n--bnd-77--\r\n`, 'latin1'));
  }
  const hex = (bs: readonly Uint8Array[]) => bs.map((b) => Buffer.from(b).toString('hex'));

  it('takes a part whose Content-Length is right at its stated end, however the bytes are cut', async () => {
    const body = withLengths(bodies.map((b) => b.length));
    for (const sizes of [[1], [2, 3, 5], [64 * 1024], [body.length], [13, 4096, 1]])
      expect(hex(await collect(body, sizes))).toEqual(hex(bodies));
  });

  it('finds the boundary by search where a part states a wrong Content-Length', async () => {
    const wrong = [
      bodies.map((b) => b.length + 1), // each one byte long
      bodies.map((b) => Math.max(0, b.length - 3)), // short
      bodies.map(() => 0),
      bodies.map(() => 10_000_000), // past the end of the whole body
      bodies.map((b, i) => (i === 3 ? b.length + 50 : b.length)), // the last past the end
    ];
    for (const lengths of wrong)
      for (const sizes of [[7], [64 * 1024], [13, 4096, 1]])
        expect(hex(await collect(withLengths(lengths), sizes))).toEqual(hex(bodies));
  });

  it('still refuses a body cut short when its parts state their lengths', async () => {
    const body = withLengths(bodies.map((b) => b.length));
    const cut = chunked(body.subarray(0, body.length - 40_000), [4096]);
    await expect(
      (async () => {
        for await (const _ of streamMultipart(type, cut, limits));
      })(),
    ).rejects.toThrow(/part 4 has no closing boundary/);
  });

  /**
   * A source that lends its chunks as a BYOB slab does: each chunk lies in one reused buffer,
   * scribbled over before the next read, so a part or a tail kept past its read shows garbage.
   */
  function lending(body: Uint8Array, sizes: readonly number[]): ChunkReader {
    const inner = chunked(body, sizes);
    const slab = new Uint8Array(body.length + 1);
    return {
      read: async () => {
        slab.fill(0xa5);
        const r = await inner.read();
        if (!r.value) return r;
        slab.set(r.value);
        return { done: false, value: slab.subarray(0, r.value.length) };
      },
    };
  }

  /** The parts' bytes, copied as each comes (what a lent reader's consumer must do). */
  async function collectLent(body: Uint8Array, sizes: readonly number[]): Promise<Uint8Array[]> {
    const out: Uint8Array[] = [];
    for await (const p of streamMultipart(type, lending(body, sizes), limits, true))
      out.push(p.body.slice());
    return out;
  }

  it('reads lent chunks: what it still holds of one is copied before the next read', async () => {
    for (const sizes of [[1], [2, 3, 5], [7], [64 * 1024], [written.length], [13, 4096, 1]])
      expect(hex(await collectLent(written, sizes))).toEqual(hex(bodies));
    const stated = withLengths(bodies.map((b) => b.length));
    const wrong = withLengths(bodies.map((b) => b.length + 1));
    for (const body of [stated, wrong])
      for (const sizes of [[1], [9], [4096], [13, 4096, 1]])
        expect(hex(await collectLent(body, sizes))).toEqual(hex(bodies));
  });

  it('cancels the body when the consumer stops early', async () => {
    const reader = chunked(written, [512]);
    for await (const _ of streamMultipart(type, reader, limits)) break;
    expect(reader.cancels).toBe(1);
  });
});

// The PACS series worker's reader against a series answer as Orthanc frames it (writeMultipart,
// real Part 10 demo slices), handed out in uneven chunks: every instance arrives whole and in
// order, each in memory of its own from the allocator, the slice the page has is skipped, and
// a body that breaks off hands on what came before it and then fails with the PACS's Problem.
// The same through the page's own transport, where the body is read into one reused slab.
import { describe, expect, it } from 'vitest';
import { demoSliceFile, newDemoContext } from '../core/dicom/demo/demoSeries.ts';
import { writeDicom } from '../core/dicom/testing/writeDicom.ts';
import { fetchTransport, type PlatformFetch } from '../core/dicomweb/fetchTransport.ts';
import { dicomwebClient, type HttpFetch } from '../core/dicomweb/http.ts';
import { writeMultipart } from '../core/dicomweb/multipart.ts';
import { part10Meta } from '../core/dicomweb/part10Meta.ts';
import { ProblemError } from '../core/result.ts';
import { receiveSeries, type ReceivedInstance } from './seriesReceiver.ts';

const boundary = 'orthanc-series-1';
const ref = { studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.3.4' };

function series(): Uint8Array[] {
  const ctx = newDemoContext({ slices: 6, size: 32 });
  const slices = Array.from({ length: 6 }, (_, k) => demoSliceFile(ctx, k).bytes);
  // A header-only instance (no file meta UID, no pixels), as an RTSTRUCT in a series would be.
  return [...slices, writeDicom([{ tag: [0x0008, 0x0060], vr: 'CS', value: 'RTSTRUCT' }])];
}

/** A transport answering the series request with `body` in chunks of the sizes given (cycled);
 * with `breakAfter`, the connection fails once that many bytes are out. */
function serving(body: Uint8Array, sizes: number[], breakAfter?: number): HttpFetch {
  return async () => {
    let at = 0;
    let k = 0;
    return {
      status: 200,
      headers: {
        get: (name: string) =>
          name.toLowerCase() === 'content-type'
            ? `multipart/related; type="application/dicom"; boundary=${boundary}`
            : null,
      },
      arrayBuffer: async () => body.slice().buffer,
      body: {
        getReader: () => ({
          read: async () => {
            if (breakAfter !== undefined && at >= breakAfter)
              throw Object.assign(new Error('socket hang up'), { name: 'TypeError' });
            if (at >= body.length) return { done: true };
            const n = sizes[k++ % sizes.length];
            const value = body.slice(at, at + n); // a chunk of its own, as fetch gives
            at += n;
            return { done: false, value };
          },
        }),
      },
    };
  };
}

function multipart(files: Uint8Array[]): Uint8Array {
  return writeMultipart(
    files.map((body) => ({ contentType: 'application/dicom', body })),
    boundary,
  );
}

const shared = (size: number) => new SharedArrayBuffer(size);

describe('receiveSeries (the PACS series worker)', () => {
  it('hands on every instance whole, in order, each in its own shared memory', async () => {
    const files = series();
    const client = dicomwebClient(
      { baseUrl: '/dicom-web/orthanc' },
      serving(multipart(files), [7000, 333, 12000]),
    );
    const batches: ReceivedInstance[][] = [];
    const parts = await receiveSeries(client, ref, new Set(), (b) => batches.push(b), {
      allocate: shared,
    });
    expect(parts).toBe(files.length);
    expect(batches[0]).toHaveLength(1); // the first instance never waits for others
    const got = batches.flat();
    expect(got.map((i) => [...i.bytes])).toEqual(files.map((f) => [...f]));
    for (const i of got) {
      expect(i.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(i.bytes.buffer.byteLength).toBe(i.bytes.length);
    }
    expect(got.map((i) => i.image)).toEqual([true, true, true, true, true, true, false]);
    const sop = part10Meta(files[2]).sopInstanceUid!;
    expect(got[2].file).toBe(`/dicom-web/orthanc/studies/1.2.3/series/1.2.3.4/instances/${sop}`);
    expect(got[2].sopInstanceUid).toBe(sop);
    expect(got[6].sopInstanceUid).toBeUndefined();
  });

  it('skips the instances the page already has', async () => {
    const files = series();
    const have = part10Meta(files[0]).sopInstanceUid!;
    const client = dicomwebClient({ baseUrl: '/p' }, serving(multipart(files), [4096]));
    const got: ReceivedInstance[] = [];
    const parts = await receiveSeries(client, ref, new Set([have]), (b) => got.push(...b), {
      allocate: shared,
    });
    expect(parts).toBe(files.length);
    expect(got).toHaveLength(files.length - 1);
    expect(got.map((i) => i.sopInstanceUid)).not.toContain(have);
    expect([...got[0].bytes]).toEqual([...files[1]]);
  });

  it('a body that breaks off: what came first is handed on, then the Problem', async () => {
    const files = series();
    const body = multipart(files);
    // The break falls inside the fourth instance, after the third's closing boundary.
    const cut = lengthThrough(files, 3) + 500;
    const client = dicomwebClient({ baseUrl: '/p', timeoutMs: 5000 }, serving(body, [1000], cut));
    const got: ReceivedInstance[] = [];
    const failed = receiveSeries(client, ref, new Set(), (b) => got.push(...b), {
      allocate: shared,
    });
    await expect(failed).rejects.toBeInstanceOf(ProblemError);
    await expect(failed).rejects.toMatchObject({ code: 'dicomweb-unreachable' });
    expect(got).toHaveLength(3);
    got.forEach((i, k) => expect([...i.bytes]).toEqual([...files[k]]));
  });
});

/**
 * The page's own transport (fetchTransport) over Node's fetch Response, whose body is a byte
 * stream: the worker reads it with a BYOB reader into one reused slab (slabReader.ts). The body
 * comes in 64 KB chunks, and with `breakAfter` errors once that many bytes are out.
 */
function byteStreamServing(body: Uint8Array, breakAfter = Infinity): HttpFetch {
  const platform = (async () => {
    let at = 0;
    const stream = new ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (at >= breakAfter) return controller.error(new TypeError('network error'));
        if (at >= body.length) {
          controller.close();
          // A BYOB read waiting at the close is answered by respond(0), as the Streams spec asks.
          return controller.byobRequest?.respond(0);
        }
        const end = Math.min(body.length, at + 65536, breakAfter);
        controller.enqueue(body.slice(at, end));
        at = end;
      },
    });
    const type = `multipart/related; type="application/dicom"; boundary=${boundary}`;
    return new Response(stream, { headers: { 'content-type': type } });
  }) as unknown as PlatformFetch;
  return fetchTransport(platform, AbortSignal, AbortController);
}

/** Byte for byte (toEqual on 130 KB arrays is slow; this worker tsconfig has no Buffer). */
const same = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

describe('receiveSeries through the page transport (lent slabs)', () => {
  // 120 slices of 256² (~130 KB each, ~16 MB): past the growing slabs, the 4 MiB one is reused.
  const ctx = newDemoContext({ slices: 120, size: 256 });
  const files = Array.from({ length: 120 }, (_, k) => demoSliceFile(ctx, k).bytes);
  const body = multipart(files);

  it('hands on every instance whole while the slab under it is read into again', async () => {
    const client = dicomwebClient(
      { baseUrl: 'http://pacs.test', timeoutMs: 5000 },
      byteStreamServing(body),
    );
    const got: ReceivedInstance[] = [];
    expect(
      await receiveSeries(client, ref, new Set(), (b) => got.push(...b), { allocate: shared }),
    ).toBe(120);
    expect(got).toHaveLength(120);
    got.forEach((i, k) => expect(same(i.bytes, files[k])).toBe(true));
  });

  it('a body that breaks off: what came first is handed on, then the Problem', async () => {
    const cut = lengthThrough(files, 70) + 1000;
    const client = dicomwebClient(
      { baseUrl: 'http://pacs.test', timeoutMs: 5000 },
      byteStreamServing(body, cut),
    );
    const got: ReceivedInstance[] = [];
    const failed = receiveSeries(client, ref, new Set(), (b) => got.push(...b), {
      allocate: shared,
    });
    await expect(failed).rejects.toBeInstanceOf(ProblemError);
    // The slabs are 4 MiB: the instances wholly inside the last full slab before the break.
    expect(got.length).toBeGreaterThan(40);
    expect(got.length).toBeLessThanOrEqual(70);
    got.forEach((i, k) => expect(same(i.bytes, files[k])).toBe(true));
  });
});

/** Where part `k` starts in the multipart body (the bytes of the parts before it and framing). */
function lengthThrough(files: Uint8Array[], k: number): number {
  return multipart(files.slice(0, k)).length;
}

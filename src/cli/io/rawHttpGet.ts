// A GET over plain HTTP/1.1 read straight off the socket. node:http allocates a buffer for every
// 64 KB socket read and runs it through its parser and two streams; on a 105 MB WADO-RS series
// from Orthanc on loopback that cost 3-4x the CPU of curl. Here the socket reads into 4 MiB
// slabs (net's `onread`), up to a slab's free space at a time, and the body is handed on as
// slices of those slabs: no allocation per read and no copy. The multipart reader makes one
// piece of reads that lie end to end, so a 525 KB CT instance lies in one slab 7 times in 8 and
// is never joined (with 1 MiB slabs half of them straddled two and were copied). The response
// head is parsed here (status, headers), and the body is framed by Content-Length, chunked
// coding (chunkedBody.ts) or the connection's end.
// Each request has its own connection (`Connection: close`).
import net from 'node:net';
import type { HttpRequest, HttpResponse } from '../../core/dicomweb/http.ts';
import { BodyQueue } from './bodyQueue.ts';
import { ChunkedDecoder } from './chunkedBody.ts';

/** Each slab's size, and the free space below which the next read starts a fresh slab. */
const SLAB = 4 << 20;
const MIN_READ = 64 << 10;
const MAX_HEAD = 64 << 10;

/**
 * A slab not zeroed first: only the bytes the socket writes into it are handed on, and zeroing
 * every slab doubled the CPU of a series' transfer.
 */
function freshSlab(): Uint8Array {
  const b = Buffer.allocUnsafeSlow(SLAB);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

export function named(name: string, message: string, cause?: unknown): Error {
  const e = new Error(message, cause === undefined ? undefined : { cause });
  e.name = name;
  return e;
}

interface Head {
  status: number;
  headers: Map<string, string>;
}

/** The status line and header fields (names lower case, repeated ones joined), or why not. */
function parseHead(text: string): Head | string {
  const lines = text.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0]);
  if (!status) return `the answer does not start with an HTTP/1.x status line`;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return 'a header line of the answer has no name';
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const seen = headers.get(name);
    headers.set(name, seen === undefined ? value : `${seen}, ${value}`);
  }
  return { status: Number(status[1]), headers };
}

function requestText(target: URL, headers: Readonly<Record<string, string>>): string {
  let text = `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    // A line break in a header would let it write another header, or another request.
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value))
      throw named('TypeError', `the header ${JSON.stringify(name)} holds a line break`);
    text += `${name}: ${value}\r\n`;
  }
  return `${text}Connection: close\r\n\r\n`;
}

/** How the body ends: after a length, when the chunked coding says, or with the connection. */
type Framing =
  | { kind: 'length'; left: number }
  | { kind: 'chunked'; decoder: ChunkedDecoder }
  | { kind: 'close' };

function framingOf(head: Head): Framing | string {
  if (head.status === 204 || head.status === 304) return { kind: 'length', left: 0 };
  const coding = head.headers.get('transfer-encoding');
  if (coding !== undefined) {
    if (coding.toLowerCase().split(',').pop()?.trim() !== 'chunked')
      return `the answer's transfer coding "${coding}" is not chunked`;
    return { kind: 'chunked', decoder: new ChunkedDecoder() };
  }
  const length = head.headers.get('content-length');
  if (length === undefined) return { kind: 'close' };
  if (!/^\d{1,15}$/.test(length)) return `the answer's Content-Length "${length}" is not a number`;
  return { kind: 'length', left: Number(length) };
}

export function rawHttpGet(target: URL, request: HttpRequest): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    let slab = freshSlab();
    let filled = 0;
    let head: Uint8Array | undefined = new Uint8Array(0);
    let framing: Framing | undefined;
    let body: BodyQueue | undefined;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const signal = request.signal as AbortSignal | undefined;

    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener?.('abort', onAbort);
    };
    // Before the answer the promise fails; after it, the body's reader.
    const stop = (e: Error) => {
      finish();
      socket.destroy();
      if (body) body.fail(e);
      else if (!settled) {
        settled = true;
        reject(e);
      }
    };
    const idle = (what: string) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => stop(named('TimeoutError', `${what} within ${request.timeoutMs} ms`)),
        request.timeoutMs,
      );
    };
    const onAbort = () => stop(named('AbortError', 'the request was cancelled'));
    const complete = () => {
      finish();
      body?.end();
      socket.destroy();
    };

    /** Body bytes as they come: false pauses the socket (much is queued unread). */
    const onBody = (bytes: Uint8Array): boolean => {
      const queue = body as BodyQueue;
      const f = framing as Framing;
      if (f.kind === 'close') return queue.push(bytes);
      if (f.kind === 'length') {
        const take = bytes.subarray(0, f.left);
        f.left -= take.length;
        const go = queue.push(take);
        if (f.left === 0) complete();
        return go;
      }
      let go = true;
      if (f.decoder.push(bytes, (slice) => (go = queue.push(slice) && go))) complete();
      return go;
    };

    /** Bytes of the answer's head, until its blank line; the rest is body. */
    const onHead = (bytes: Uint8Array): boolean => {
      const seen = head as Uint8Array;
      const joined = new Uint8Array(seen.length + bytes.length);
      joined.set(seen);
      joined.set(bytes, seen.length);
      const end = Buffer.from(joined.buffer).indexOf('\r\n\r\n');
      if (end < 0) {
        if (joined.length > MAX_HEAD)
          stop(named('Error', 'fetch failed', 'the answer head is too long'));
        head = joined;
        return true;
      }
      const parsed = parseHead(new TextDecoder('latin1').decode(joined.subarray(0, end)));
      if (typeof parsed === 'string') {
        stop(named('Error', 'fetch failed', parsed));
        return false;
      }
      // The rest of the body lies in this read's bytes: a slice of them, not of the copy.
      const rest = bytes.subarray(bytes.length - (joined.length - end - 4));
      if (parsed.status >= 100 && parsed.status < 200) {
        head = new Uint8Array(0); // an interim answer: the real one follows
        return rest.length === 0 || onHead(rest);
      }
      const f = framingOf(parsed);
      if (typeof f === 'string') {
        stop(named('Error', 'fetch failed', f));
        return false;
      }
      head = undefined;
      framing = f;
      // Nobody waits on the body until a read asks for it (a consumer may be busy with a part).
      clearTimeout(timer);
      const queue = new BodyQueue(
        {
          pause: () => socket.pause(),
          resume: () => socket.resume(),
          destroy: () => socket.destroy(),
        },
        () => idle('no data'),
        () => clearTimeout(timer),
      );
      body = queue;
      settled = true;
      resolve({
        status: parsed.status,
        headers: { get: (name: string) => parsed.headers.get(name.toLowerCase()) ?? null },
        body: { getReader: () => queue.reader },
        arrayBuffer: () => queue.arrayBuffer(),
      });
      if (f.kind === 'length' && f.left === 0) {
        complete();
        return false;
      }
      return rest.length === 0 || onBody(rest);
    };

    const socket = net.connect({
      host: target.hostname.replace(/^\[|\]$/g, ''),
      port: Number(target.port || 80),
      onread: {
        // The free space of the current slab: each read appends to it, never overwriting.
        buffer: () => {
          if (SLAB - filled < MIN_READ) {
            slab = freshSlab();
            filled = 0;
          }
          return slab.subarray(filled);
        },
        callback: (size: number) => {
          const bytes = slab.subarray(filled, filled + size);
          filled += size;
          if (body?.done) return false;
          return head ? onHead(bytes) : onBody(bytes);
        },
      },
    });
    // Armed while we wait on the server: for the answer, then for each chunk a read asks for.
    idle('no answer');
    if (signal?.aborted) onAbort();
    signal?.addEventListener?.('abort', onAbort, { once: true });
    socket.on('connect', () => {
      try {
        socket.write(requestText(target, request.headers));
      } catch (e) {
        stop(e as Error);
      }
    });
    socket.on('end', () => {
      if (framing?.kind === 'close') complete();
    });
    socket.on('error', (e) => {
      // Before the answer: a refused connection reads as fetch's "fetch failed" with a cause.
      if (!body) stop(named('Error', 'fetch failed', e));
      else stop(e);
    });
    socket.on('close', () => {
      if (body?.done) return;
      stop(
        body
          ? named('Error', 'the connection closed before the body ended')
          : named('Error', 'fetch failed', 'the connection closed before an answer'),
      );
    });
  });
}

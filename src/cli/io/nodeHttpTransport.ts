// The CLI's HttpFetch over node:http(s) rather than Node's fetch: undici's fetch delivers a
// 105 MB WADO-RS series body about 4x slower than node:http on loopback (1.9 s against 0.35-0.7
// s, curl 0.5-0.9 s; its arrayBuffer() 3.7 s), and the series is the CLI's whole input. Timeouts
// and aborts raise errors named as fetch names them, so core's messages stay the same.
// The timeout is an idle one: it bounds the wait for the answer to start and then each wait for
// the body's next chunk, so a big series on a slow link is not cut while data flows, and a
// stalled one is cut after timeoutMs of silence, not at the end of one clock for the whole.
import http from 'node:http';
import https from 'node:https';
import type { HttpFetch, HttpResponse } from '../../core/dicomweb/http.ts';
import type { ChunkReader } from '../../core/dicomweb/multipartStream.ts';

/** Bytes queued unread before the socket is paused, and below which it reads again. */
const HIGH_WATER = 8 << 20;
const LOW_WATER = 2 << 20;

function named(name: string, message: string, cause?: unknown): Error {
  const e = new Error(message, cause === undefined ? undefined : { cause });
  e.name = name;
  return e;
}

type Chunk = { done: boolean; value?: Uint8Array };

/**
 * The body as 'data' events queue it: about half the CPU of the stream's async iterator on a
 * 105 MB series (its promise and nextTick per chunk), the socket paused while much is unread.
 * `waiting`/`quiet` bracket each read that has to wait on the server (the idle clock).
 */
function bodyReader(
  res: http.IncomingMessage,
  waiting: () => void,
  quiet: () => void,
): ChunkReader {
  const queue: Uint8Array[] = [];
  let queued = 0;
  let ended = false;
  let failure: Error | undefined;
  let pending: { resolve: (c: Chunk) => void; reject: (e: Error) => void } | undefined;
  const take = (): Chunk => {
    const value = queue.shift() as Uint8Array;
    queued -= value.length;
    if (queued < LOW_WATER && res.isPaused()) res.resume();
    return { done: false, value };
  };
  const settle = () => {
    if (!pending || (queue.length === 0 && !failure && !ended)) return;
    const { resolve, reject } = pending;
    pending = undefined;
    quiet();
    if (queue.length > 0) resolve(take());
    else if (failure) reject(failure);
    else resolve({ done: true });
  };
  res.on('data', (b: Buffer) => {
    queue.push(new Uint8Array(b.buffer, b.byteOffset, b.length));
    queued += b.length;
    if (queued > HIGH_WATER) res.pause();
    settle();
  });
  res.on('end', () => {
    ended = true;
    settle();
  });
  res.on('error', (e) => {
    failure ??= e;
    settle();
  });
  res.on('close', () => {
    if (!ended) failure ??= named('Error', 'the connection closed before the body ended');
    settle();
  });
  return {
    read() {
      if (queue.length > 0) return Promise.resolve(take());
      if (failure) return Promise.reject(failure);
      if (ended) return Promise.resolve({ done: true });
      waiting();
      return new Promise<Chunk>((resolve, reject) => {
        pending = { resolve, reject };
      });
    },
    async cancel() {
      res.destroy();
    },
  };
}

export const nodeHttpTransport: HttpFetch = (url, request) =>
  new Promise<HttpResponse>((resolve, reject) => {
    const target = new URL(url);
    const lib = target.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { ...request.headers };
    if (request.body) headers['Content-Length'] = String(request.body.length);
    const req = lib.request(target, { method: request.method, headers });
    let response: http.IncomingMessage | undefined;
    // Stops the exchange, the body's reader then failing with the same named error.
    const stop = (e: Error) => {
      response?.destroy(e);
      req.destroy(e);
    };
    let timer: NodeJS.Timeout | undefined;
    const idle = (what: string) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => stop(named('TimeoutError', `${what} within ${request.timeoutMs} ms`)),
        request.timeoutMs,
      );
    };
    // Armed while we wait on the server: for the answer, then for each chunk a read asks for.
    idle('no answer');
    const signal = request.signal as AbortSignal | undefined;
    const onAbort = () => stop(named('AbortError', 'the request was cancelled'));
    if (signal?.aborted) onAbort();
    signal?.addEventListener?.('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener?.('abort', onAbort);
    };
    req.on('error', (e) => {
      done();
      // Before the answer: a refused connection reads as fetch's "fetch failed" with a cause.
      reject(
        e.name === 'TimeoutError' || e.name === 'AbortError'
          ? e
          : named('Error', 'fetch failed', e),
      );
    });
    req.on('response', (res) => {
      response = res;
      // Nobody waits on the body until a read asks for it (a consumer may be busy with a part).
      clearTimeout(timer);
      res.on('end', done);
      res.on('close', done);
      const chunks = bodyReader(
        res,
        () => idle('no data'),
        () => clearTimeout(timer),
      );
      resolve({
        status: res.statusCode ?? 0,
        headers: {
          get: (name: string) => {
            const v = res.headers[name.toLowerCase()];
            return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
          },
        },
        body: { getReader: () => chunks },
        async arrayBuffer() {
          const parts: Uint8Array[] = [];
          let size = 0;
          for (;;) {
            const next = await chunks.read();
            if (next.done || !next.value) break;
            parts.push(next.value);
            size += next.value.length;
          }
          const out = new Uint8Array(size);
          let at = 0;
          for (const p of parts) {
            out.set(p, at);
            at += p.length;
          }
          return out.buffer;
        },
      });
    });
    req.end(request.body);
  });

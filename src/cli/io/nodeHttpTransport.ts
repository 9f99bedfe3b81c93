// The CLI's HttpFetch over node:http(s) rather than Node's fetch: undici's fetch delivers a
// 105 MB WADO-RS series body about 4x slower than node:http on loopback (1.9 s against 0.35-0.7
// s, curl 0.5-0.9 s; its arrayBuffer() 3.7 s), and the series is the CLI's whole input. Timeouts
// and aborts raise errors named as fetch names them, so core's messages stay the same.
// The timeout is an idle one: it bounds the wait for the answer to start and then each wait for
// the body's next chunk, so a big series on a slow link is not cut while data flows, and a
// stalled one is cut after timeoutMs of silence, not at the end of one clock for the whole.
// Plain-HTTP GETs skip node:http too: rawHttpGet.ts reads them off the socket at about a third
// of its CPU; POSTs (STOW-RS) and HTTPS go through node:http(s).
import http from 'node:http';
import https from 'node:https';
import type { HttpFetch, HttpResponse } from '../../core/dicomweb/http.ts';
import { BodyQueue } from './bodyQueue.ts';
import { named, rawHttpGet } from './rawHttpGet.ts';

export const nodeHttpTransport: HttpFetch = (url, request) => {
  const target = new URL(url);
  // Plain HTTP GETs (searches, metadata, whole series) are read off the socket by hand.
  if (target.protocol === 'http:' && request.method === 'GET' && !request.body)
    return rawHttpGet(target, request);
  return new Promise<HttpResponse>((resolve, reject) => {
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
      const body = new BodyQueue(
        res,
        () => idle('no data'),
        () => clearTimeout(timer),
      );
      res.on('data', (b: Buffer) => body.push(new Uint8Array(b.buffer, b.byteOffset, b.length)));
      res.on('end', () => body.end());
      res.on('error', (e) => body.fail(e));
      res.on('close', () =>
        body.fail(named('Error', 'the connection closed before the body ended')),
      );
      resolve({
        status: res.statusCode ?? 0,
        headers: {
          get: (name: string) => {
            const v = res.headers[name.toLowerCase()];
            return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
          },
        },
        body: { getReader: () => body.reader },
        arrayBuffer: () => body.arrayBuffer(),
      });
    });
    req.end(request.body);
  });
};

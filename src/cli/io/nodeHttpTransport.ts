// The CLI's HttpFetch over undici's request(), the HTTP/1.1 client Node's own fetch is built on,
// without fetch's web streams: a 105 MB body on loopback costs about 110 ms of CPU through it
// against about 700 ms through node:http's 64 KB 'data' events and 500 ms through fetch
// (measured side by side against one local server), and a WADO-RS series is the CLI's whole
// input. Timeouts and aborts raise errors named as fetch names them, so core's messages stay.
// The timeout is an idle one: it bounds the wait for the answer to start and then each wait a
// read makes for the body's next chunk (armed by BodyQueue only while a reader waits on the
// server), so a big series on a slow link is not cut while data flows, and a stalled one is cut
// after timeoutMs of silence. It is our own timer rather than undici's headersTimeout and
// bodyTimeout, whose coarse clock fires up to a second late and which count time our reader
// spends busy with a part.
import { request as undiciRequest } from 'undici';
import type { HttpFetch, HttpResponse } from '../../core/dicomweb/http.ts';
import { BodyQueue } from './bodyQueue.ts';

/** Body bytes undici buffers before it stops reading the socket (the queue pauses it too). */
const HIGH_WATER = 4 << 20;

export function named(name: string, message: string, cause?: unknown): Error {
  const e = new Error(message, cause === undefined ? undefined : { cause });
  e.name = name;
  return e;
}

/** undici's failures before an answer, as fetch would name them. */
function requestError(e: unknown, stopped: Error | undefined): Error {
  if (stopped) return stopped;
  // A header value undici refuses (a line break in a token, say) is the caller's mistake.
  if ((e as { code?: string }).code === 'UND_ERR_INVALID_ARG') return e as Error;
  return named('Error', 'fetch failed', e);
}

export const nodeHttpTransport: HttpFetch = async (url, request): Promise<HttpResponse> => {
  const signal = request.signal as AbortSignal | undefined;
  // One controller stops the exchange for both reasons: the caller's cancel and our idle timer.
  const stop = new AbortController();
  let stopped: Error | undefined;
  const halt = (e: Error) => {
    stopped ??= e;
    stop.abort(e);
  };
  const onAbort = () => halt(named('AbortError', 'the request was cancelled'));
  if (signal?.aborted) onAbort();
  signal?.addEventListener?.('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const idle = (what: string) => {
    clearTimeout(timer);
    timer = setTimeout(
      () => halt(named('TimeoutError', `${what} within ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
  };
  const done = () => {
    clearTimeout(timer);
    signal?.removeEventListener?.('abort', onAbort);
  };
  let answer: Awaited<ReturnType<typeof undiciRequest>>;
  idle('no answer');
  try {
    answer = await undiciRequest(url, {
      method: request.method,
      headers: { ...request.headers },
      body: request.body,
      signal: stop.signal,
      headersTimeout: 0,
      bodyTimeout: 0,
      highWaterMark: HIGH_WATER,
    });
  } catch (e) {
    done();
    throw requestError(e, stopped);
  }
  // Nobody waits on the body until a read asks for it (a consumer may be busy with a part).
  clearTimeout(timer);
  const res = answer.body;
  const body = new BodyQueue(
    res,
    () => idle('no data'),
    () => clearTimeout(timer),
  );
  res.on('data', (b: Buffer) => body.push(new Uint8Array(b.buffer, b.byteOffset, b.length)));
  res.on('end', () => {
    done();
    body.end();
  });
  res.on('error', (e: Error) => {
    done();
    body.fail(stopped ?? named('Error', 'the connection closed before the body ended', e));
  });
  res.on('close', () => {
    done();
    body.fail(stopped ?? named('Error', 'the connection closed before the body ended'));
  });
  return {
    status: answer.statusCode,
    headers: {
      get: (name: string) => {
        const v = answer.headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      },
    },
    body: { getReader: () => body.reader },
    arrayBuffer: () => body.arrayBuffer(),
  };
};

// The HttpFetch of a platform's own fetch (Node's undici, the browser's): the caller passes
// fetch and AbortSignal (and AbortController), so core stays without network globals of its own.
import { concatChunks } from '../bytes/concat.ts';
import type { ChunkReader } from './multipartStream.ts';
import type { HttpFetch, HttpResponse, ReadOptions } from './http.ts';
import { slabReader, type ByobReader } from './slabReader.ts';

export interface PlatformFetch {
  (
    url: string,
    init: { method: string; headers: Record<string, string>; body?: Uint8Array; signal: unknown },
  ): Promise<HttpResponse>;
}

export interface PlatformSignals {
  timeout(ms: number): unknown;
  any(signals: unknown[]): unknown;
}

/** The platform's AbortController: a signal that is aborted when we say. */
export interface PlatformAbort {
  new (): { readonly signal: unknown; abort(reason?: unknown): void };
}

function timeoutError(message: string): Error {
  const e = new Error(message);
  e.name = 'TimeoutError';
  return e;
}

/**
 * Each request times out with its signal, or after its timeoutMs (an error named TimeoutError).
 * Given the platform's AbortController, the timeout is an idle one (http.ts, HttpRequest): it
 * bounds the wait for the answer, then each read's wait for the next chunk. Without it, one
 * clock covers the whole exchange, body included (AbortSignal.timeout).
 */
export function fetchTransport(
  fetchFn: PlatformFetch,
  signals: PlatformSignals,
  Abort?: PlatformAbort,
): HttpFetch {
  return async (url, request) => {
    if (!Abort) {
      const timeout = signals.timeout(request.timeoutMs);
      return fetchFn(url, {
        method: request.method,
        headers: { ...request.headers },
        body: request.body,
        signal: request.signal ? signals.any([request.signal, timeout]) : timeout,
      });
    }
    const controller = new Abort();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = (what: string) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => controller.abort(timeoutError(`${what} within ${request.timeoutMs} ms`)),
        request.timeoutMs,
      );
    };
    const quiet = () => clearTimeout(timer);
    idle('no answer');
    let response: HttpResponse;
    try {
      response = await fetchFn(url, {
        method: request.method,
        headers: { ...request.headers },
        body: request.body,
        signal: request.signal
          ? signals.any([request.signal, controller.signal])
          : controller.signal,
      });
    } finally {
      quiet();
    }
    const stream = response.body;
    if (!stream) return response;
    let taken: ChunkReader | undefined;
    // The body's one reader: each read arms the idle clock until its chunk comes.
    const timed = async <T>(read: () => Promise<T>): Promise<T> => {
      idle('no data');
      try {
        return await read();
      } finally {
        quiet();
      }
    };
    const reader = (options?: ReadOptions): ChunkReader => {
      if (taken) return taken;
      const byob = options?.lent ? byobReaderOf(stream) : undefined;
      if (byob)
        return (taken = slabReader({
          read: (view) => timed(() => byob.read(view)),
          cancel: (reason) => byob.cancel?.(reason) ?? Promise.resolve(),
        }));
      const inner = stream.getReader();
      return (taken = {
        read: () => timed(() => inner.read()),
        cancel: (reason) => inner.cancel?.(reason) ?? Promise.resolve(),
      });
    };
    return {
      status: response.status,
      headers: response.headers,
      body: { getReader: reader },
      async arrayBuffer() {
        return (await concatChunks(reader())).buffer;
      },
    };
  };
}

/** The body's BYOB reader where it is a byte stream (fetch's is), else undefined. */
function byobReaderOf(stream: NonNullable<HttpResponse['body']>): ByobReader | undefined {
  try {
    return (stream as unknown as { getReader(o: { mode: 'byob' }): ByobReader }).getReader({
      mode: 'byob',
    });
  } catch {
    return undefined; // not a byte stream: its default reader
  }
}

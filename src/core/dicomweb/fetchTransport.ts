// The HttpFetch of a platform's own fetch (Node's undici, the browser's): the caller passes
// fetch and AbortSignal, so core stays without network globals of its own.
import type { HttpFetch, HttpResponse } from './http.ts';

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

/** Each request times out after its timeoutMs (an error named TimeoutError) or with its signal. */
export function fetchTransport(fetchFn: PlatformFetch, signals: PlatformSignals): HttpFetch {
  return (url, request) => {
    const timeout = signals.timeout(request.timeoutMs);
    return fetchFn(url, {
      method: request.method,
      headers: { ...request.headers },
      body: request.body,
      signal: request.signal ? signals.any([request.signal, timeout]) : timeout,
    });
  };
}

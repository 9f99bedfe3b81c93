// The one way the DICOMweb client talks to a server. Core has no network of its own (lint bans
// fetch here): the CLI and the page inject their fetch, so "nothing leaves the machine" stays a
// property of the callers, which only ever pass the PACS the user configured.
import { ProblemError } from '../result.ts';
import type { ChunkReader } from './multipartStream.ts';

/** The part of an AbortSignal the client passes on (core's lib has no DOM types). */
export interface SignalLike {
  readonly aborted: boolean;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  readonly signal?: SignalLike;
  /**
   * An idle timeout: the transport aborts the request, with an error named TimeoutError, when
   * the answer has not started this long after the request, or when a read of the body waits
   * this long for the next chunk (a slow but flowing transfer is never cut).
   */
  readonly timeoutMs: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The body as it arrives (fetch's ReadableStream), where the platform gives it. */
  readonly body?: { getReader(options?: ReadOptions): ChunkReader } | null;
}

export interface ReadOptions {
  /**
   * The caller is done with each chunk (or has copied what it keeps) before it reads the next,
   * so the transport may lend chunks in memory it reuses. A permission: the transport may still
   * give chunks of their own.
   */
  readonly lent?: boolean;
}

export type HttpFetch = (url: string, request: HttpRequest) => Promise<HttpResponse>;

/** One configured server: its base URL (ending before /studies) and the headers it needs. */
export interface DicomwebServer {
  readonly baseUrl: string;
  /** e.g. { Authorization: 'Bearer …' }; never logged or put in a Problem. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export interface DicomwebClient {
  readonly server: DicomwebServer;
  readonly http: HttpFetch;
  /** The largest response body read, in bytes (a frame of a 4k×4k 16-bit image is 32 MiB). */
  readonly maxResponseBytes: number;
}

export const defaultTimeoutMs = 30_000;

/** The header our proxy answers with, naming the PACS it was asked for and does not serve. */
export const unknownServerHeader = 'x-consilium-unknown-pacs';
export const defaultMaxResponseBytes = 1 << 30;

export function dicomwebClient(
  server: DicomwebServer,
  http: HttpFetch,
  maxResponseBytes = defaultMaxResponseBytes,
): DicomwebClient {
  return {
    server: { ...server, baseUrl: server.baseUrl.replace(/\/+$/, '') },
    http,
    maxResponseBytes,
  };
}

/** The URL without its query and credentials: what a message may show. */
function shown(url: string): string {
  return url.replace(/\?.*$/, '').replace(/\/\/[^/@]*@/, '//');
}

function statusProblem(response: HttpResponse, what: string, url: string): ProblemError {
  const status = response.status;
  const params = { url: shown(url), status };
  // Our own proxy (consilium serve, the dev and preview servers) says when the page named a
  // PACS it does not serve: that is a set-up matter, not a missing object on the PACS.
  const unknown = response.headers.get(unknownServerHeader);
  if (status === 404 && unknown !== null)
    return new ProblemError(
      'dicomweb-unknown-server',
      `the server of this page serves no PACS named "${unknown}"; start it with --pacs ${unknown}=URL (consilium serve) or CONSILIUM_PACS=${unknown}=URL (dev and preview servers), or correct the base URL`,
      { name: unknown },
    );
  if (status === 401)
    return new ProblemError(
      'dicomweb-unauthorized',
      `the PACS refused ${what}: it needs a login (HTTP 401); check the token or auth header`,
      params,
    );
  if (status === 403)
    return new ProblemError(
      'dicomweb-forbidden',
      `the PACS refused ${what}: this login may not read it (HTTP 403)`,
      params,
    );
  if (status === 404)
    return new ProblemError(
      'dicomweb-not-found',
      `the PACS has no such object for ${what} (HTTP 404); check the base URL and the UIDs`,
      params,
    );
  if (status >= 500)
    return new ProblemError(
      'dicomweb-server-error',
      `the PACS failed while answering ${what} (HTTP ${status})`,
      params,
    );
  return new ProblemError(
    'dicomweb-bad-response',
    `the PACS did not accept ${what} (HTTP ${status})`,
    params,
  );
}

function transportProblem(
  e: unknown,
  what: string,
  url: string,
  timeoutMs: number,
  inBody = false,
): ProblemError {
  const name = e && typeof e === 'object' && 'name' in e ? String(e.name) : '';
  const seconds = Math.round(timeoutMs / 1000);
  if (name === 'TimeoutError')
    return new ProblemError(
      'dicomweb-timeout',
      inBody
        ? `the PACS stopped sending ${what}: nothing came for ${seconds} s`
        : `the PACS did not answer ${what} within ${seconds} s`,
      { url: shown(url), timeoutMs },
    );
  if (name === 'AbortError') return new ProblemError('aborted', `${what} was cancelled`, {});
  // Node's fetch says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND) in cause.
  const cause =
    e && typeof e === 'object' && 'cause' in e
      ? (e.cause as { code?: unknown; message?: unknown } | null)
      : null;
  const detail =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : e instanceof Error
          ? e.message
          : String(e);
  return new ProblemError(
    'dicomweb-unreachable',
    `the PACS at ${shown(url)} cannot be reached (${detail}); check the address and that it is running`,
    { url: shown(url) },
  );
}

export interface Answer {
  readonly contentType: string;
  readonly bytes: Uint8Array;
  readonly url: string;
}

type RequestInit = {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: Uint8Array;
  signal?: SignalLike;
  /** For requestStream: the body's chunks may be lent (ReadOptions). */
  lent?: boolean;
};

/** Calls `once`, and once more where a GET met a connection the server had just closed. */
async function withRetry<T>(init: RequestInit, once: () => Promise<T>): Promise<T> {
  try {
    return await once();
  } catch (e) {
    // A kept-alive connection the server has just closed (Orthanc keeps them 1 s) fails at
    // once: a GET is asked again, once, on a fresh connection.
    if (!(e instanceof ProblemError) || e.code !== 'dicomweb-unreachable') throw e;
    if ((init.method ?? 'GET') !== 'GET') throw e;
    return once();
  }
}

/**
 * One request to the server: a non-2xx status, an unreachable server, a timeout or a body past
 * the bound each become a ProblemError whose words say which; `what` names the request
 * ("the study search", "frame 3 of instance …") so the message says what failed.
 */
export function request(
  client: DicomwebClient,
  path: string,
  what: string,
  init: RequestInit = {},
): Promise<Answer> {
  return withRetry(init, () => requestOnce(client, path, what, init));
}

interface Opened {
  readonly response: HttpResponse;
  readonly url: string;
  readonly timeoutMs: number;
}

async function open(
  client: DicomwebClient,
  path: string,
  what: string,
  init: RequestInit,
): Promise<Opened> {
  const url = /^https?:\/\//.test(path) ? path : client.server.baseUrl + path;
  const timeoutMs = client.server.timeoutMs ?? defaultTimeoutMs;
  let response: HttpResponse;
  try {
    response = await client.http(url, {
      method: init.method ?? 'GET',
      headers: { ...client.server.headers, ...init.headers },
      body: init.body,
      signal: init.signal,
      timeoutMs,
    });
  } catch (e) {
    throw transportProblem(e, what, url, timeoutMs);
  }
  if (response.status < 200 || response.status > 299) {
    // The body is not read (a 500 page may be large, and its words are not the user's) but
    // cancelled, which frees the connection.
    void response.body
      ?.getReader()
      .cancel?.()
      .catch(() => undefined);
    throw statusProblem(response, what, url);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > client.maxResponseBytes) throw tooLarge(what, url, declared, client);
  return { response, url, timeoutMs };
}

async function requestOnce(
  client: DicomwebClient,
  path: string,
  what: string,
  init: RequestInit,
): Promise<Answer> {
  const { response, url, timeoutMs } = await open(client, path, what, init);
  let body: ArrayBuffer;
  try {
    body = await response.arrayBuffer();
  } catch (e) {
    throw transportProblem(e, what, url, timeoutMs, true);
  }
  if (body.byteLength > client.maxResponseBytes) throw tooLarge(what, url, body.byteLength, client);
  return {
    contentType: response.headers.get('content-type') ?? '',
    bytes: new Uint8Array(body),
    url,
  };
}

export interface StreamedAnswer {
  readonly contentType: string;
  readonly url: string;
  /** The body's chunks as they arrive; a broken or timed-out transfer reads as a ProblemError. */
  readonly reader: ChunkReader;
}

/**
 * The same request, its body read as it arrives (a whole series: its first instances are parsed
 * while the rest is on the wire). A platform without streamed bodies gives one chunk.
 */
export function requestStream(
  client: DicomwebClient,
  path: string,
  what: string,
  init: RequestInit = {},
): Promise<StreamedAnswer> {
  return withRetry(init, async () => {
    const { response, url, timeoutMs } = await open(client, path, what, init);
    const inner: ChunkReader = response.body
      ? response.body.getReader({ lent: init.lent })
      : onceReader(() => response.arrayBuffer());
    const reader: ChunkReader = {
      read: async () => {
        try {
          return await inner.read();
        } catch (e) {
          throw transportProblem(e, what, url, timeoutMs, true);
        }
      },
      cancel: (reason) => inner.cancel?.(reason) ?? Promise.resolve(),
    };
    return {
      contentType: response.headers.get('content-type') ?? '',
      url,
      reader,
    };
  });
}

function onceReader(body: () => Promise<ArrayBuffer>): ChunkReader {
  let given = false;
  return {
    read: async () => {
      if (given) return { done: true };
      given = true;
      return { done: false, value: new Uint8Array(await body()) };
    },
  };
}

function tooLarge(what: string, url: string, bytes: number, client: DicomwebClient): ProblemError {
  return new ProblemError(
    'dicomweb-too-large',
    `the PACS's answer to ${what} is ${bytes} bytes, over the limit of ${client.maxResponseBytes}`,
    { url: shown(url), bytes, limit: client.maxResponseBytes },
  );
}

export function badResponse(what: string, url: string, detail: string): ProblemError {
  return new ProblemError(
    'dicomweb-bad-response',
    `the PACS's answer to ${what} cannot be read: ${detail}`,
    { url: shown(url) },
  );
}

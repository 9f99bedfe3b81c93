// The Cohort view's calls to `consilium serve --cohorts` (src/cli/serve/cohortRoutes.ts), on the
// page's own origin only (the CSP's connect-src 'self'). A page served any other way (vite, a
// static server) gets its index.html or a 404 for /api/cohorts: that is "not available", said
// in plain words, not an error.
import { fail, type Problem, type Result } from '../../core/result.ts';

import type { FilteredRows, RunDetail, RunList, RunSummary } from '../../core/cohort/runViews.ts';
import type { StartRequest } from '../../core/cohort/startRequest.ts';

export type {
  FilteredRows,
  RunDetail,
  RunFailure,
  RunList,
  RunState,
  RunSummary,
} from '../../core/cohort/runViews.ts';

/** What a call gives: its value, the server's Problem, or "no cohort server here". */
export type Answer<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'problem'; readonly problem: Problem }
  | { readonly kind: 'unavailable' };

const base = '/api/cohorts';

/** The Problem shown when the server could not be asked at all (a network error: `e`). */
export function unreachable(e: unknown): Problem {
  const reason = String(e);
  return { code: 'cohort-unreachable', reason, params: { reason } };
}

async function call<T>(path: string, signal?: AbortSignal, init?: RequestInit): Promise<Answer<T>> {
  const res = await fetch(base + path, { ...init, ...(signal ? { signal } : {}) });
  if (!(res.headers.get('content-type') ?? '').startsWith('application/json'))
    return { kind: 'unavailable' };
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: Problem };
  return body.ok ? { kind: 'ok', value: body.value } : { kind: 'problem', problem: body.error };
}

export const fetchRuns = (signal?: AbortSignal) => call<RunList>('', signal);

export const fetchRun = (id: string, signal?: AbortSignal) =>
  call<RunDetail>(`/${encodeURIComponent(id)}`, signal);

/** Where a features run's Parquet table is served (and downloaded from): same origin. */
export const parquetUrl = (id: string) => `${base}/${encodeURIComponent(id)}/features.parquet`;

/** A version of a run's Parquet table: its size and ETag (HEAD, which brings it up to date). */
export interface ParquetVersion {
  readonly byteLength: number;
  readonly etag: string;
}

async function problemAnswer(res: Response): Promise<Answer<never>> {
  if (!(res.headers.get('content-type') ?? '').startsWith('application/json'))
    return { kind: 'unavailable' };
  const body = (await res.json()) as { ok: false; error: Problem };
  return { kind: 'problem', problem: body.error };
}

/** Opens the run's table: its current version, or the server's Problem. */
export async function openParquet(
  id: string,
  signal?: AbortSignal,
): Promise<Answer<ParquetVersion>> {
  const head = await fetch(parquetUrl(id), { method: 'HEAD', ...(signal ? { signal } : {}) });
  const etag = head.headers.get('etag');
  const length = Number(head.headers.get('content-length'));
  if (head.ok && etag && head.headers.get('accept-ranges') === 'bytes' && length > 0)
    return { kind: 'ok', value: { byteLength: length, etag } };
  if (head.ok) return { kind: 'unavailable' };
  // A HEAD answer has no body: the same request as GET says why.
  return problemAnswer(await fetch(parquetUrl(id), signal ? { signal } : {}));
}

/** Reads bytes start..end (exclusive) of that version of the table by an HTTP Range request, adding
 * what arrived to `counted.bytes`; a table compacted since gives parquet-changed. */
export function parquetRanges(id: string, version: ParquetVersion, counted: { bytes: number }) {
  return async (start: number, end: number): Promise<Result<ArrayBuffer>> => {
    const res = await fetch(parquetUrl(id), {
      headers: { Range: `bytes=${start}-${end - 1}`, 'If-Match': version.etag },
    });
    if (res.status === 206) {
      const bytes = await res.arrayBuffer();
      counted.bytes += bytes.byteLength;
      return { ok: true, value: bytes };
    }
    if (res.status === 412)
      return fail('parquet-changed', 'the table was compacted again since it was opened');
    const a = await problemAnswer(res);
    return a.kind === 'problem'
      ? { ok: false, error: a.problem }
      : fail('parquet-unreadable', `the server answered ${res.status} to a byte range`, {
          reason: `HTTP ${res.status}`,
        });
  };
}

/** What the results' filter asks: a text (code, name, family, image filter, series) and a value
 * range; null: no bound. */
export interface TableQuery {
  readonly text: string;
  readonly min: number | null;
  readonly max: number | null;
}

/** The rows of a run's whole table matching `q` (the server asks DuckDB): their count and the
 * first `limit` of them. */
export function filterRun(
  id: string,
  q: TableQuery,
  limit: number,
  signal?: AbortSignal,
): Promise<Answer<FilteredRows>> {
  const params = new URLSearchParams({ text: q.text, limit: String(limit) });
  if (q.min !== null) params.set('min', String(q.min));
  if (q.max !== null) params.set('max', String(q.max));
  return call<FilteredRows>(`/${encodeURIComponent(id)}/features.filter?${params}`, signal);
}

export const startRun = (request: StartRequest) =>
  call<{ id: string }>('', undefined, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });

/** A run still changing: worth polling. */
export const isLive = (r: RunSummary) => r.state === 'running' || r.state === 'queued';

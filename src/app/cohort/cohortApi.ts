// The Cohort view's calls to `consilium serve --cohorts` (src/cli/serve/cohortRoutes.ts), on the
// page's own origin only (the CSP's connect-src 'self'). A page served any other way (vite, a
// static server) gets its index.html or a 404 for /api/cohorts: that is "not available", said
// in plain words, not an error.
import type { Problem } from '../../core/result.ts';

import type { RunDetail, RunList, RunSummary } from '../../core/cohort/runViews.ts';
import type { StartRequest } from '../../core/cohort/startRequest.ts';

export type {
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

/** The run's Parquet bytes, or the server's Problem. */
export async function fetchParquet(id: string, signal?: AbortSignal): Promise<Answer<ArrayBuffer>> {
  const res = await fetch(parquetUrl(id), signal ? { signal } : {});
  if (res.ok && res.headers.get('content-type') === 'application/vnd.apache.parquet')
    return { kind: 'ok', value: await res.arrayBuffer() };
  if (!(res.headers.get('content-type') ?? '').startsWith('application/json'))
    return { kind: 'unavailable' };
  const body = (await res.json()) as { ok: false; error: Problem };
  return { kind: 'problem', problem: body.error };
}

export const startRun = (request: StartRequest) =>
  call<{ id: string }>('', undefined, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });

/** A run still changing: worth polling. */
export const isLive = (r: RunSummary) => r.state === 'running' || r.state === 'queued';

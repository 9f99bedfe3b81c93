// The JSON side of `consilium serve`'s cohort routes: an answer as a Result record, a bounded
// request body, and the check that a write comes from this origin's own page.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function send(
  res: ServerResponse,
  headers: Readonly<Record<string, string>>,
  status: number,
  body: unknown,
) {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

export const problem = (code: string, reason: string, params: Record<string, unknown> = {}) => ({
  ok: false,
  error: { code, reason, params },
});

export async function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > max) return null;
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A write from this origin's page only: JSON (a cross-site form cannot send it without a
 * preflight, which this server never grants) and, where the browser says, the same origin. */
export function sameOrigin(req: IncomingMessage): boolean {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  // https: behind a TLS proxy (docs/security.md), the page's origin is https on the same host.
  const host = req.headers.host;
  return origin === undefined || origin === `http://${host}` || origin === `https://${host}`;
}

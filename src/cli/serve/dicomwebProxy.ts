// /dicom-web/<name>/… → the configured PACS, streamed both ways. Only the headers DICOMweb
// needs cross (Accept, Content-Type, Authorization, Content-Length out; Content-Type and
// Content-Location back): no cookies, no client addresses, nothing the PACS need not see.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { unknownServerHeader } from '../../core/dicomweb/http.ts';
import type { PacsServer } from './pacsServers.ts';

const forwardedRequestHeaders = ['accept', 'content-type', 'authorization', 'content-length'];
// Not Content-Length: fetch inflates a gzip answer (Orthanc compresses JSON), so the length the
// PACS sent is not the length of what we pass on.
const forwardedResponseHeaders = ['content-type', 'content-location'];

export const dicomwebPrefix = '/dicom-web/';

/** The server name a /dicom-web/ path asks for (letters, digits, - and _ only, for headers). */
export function serverName(path: string): string {
  const rest = path.slice(dicomwebPrefix.length);
  const slash = rest.search(/[/?]/);
  return (slash < 0 ? rest : rest.slice(0, slash)).replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
}

/** The upstream URL of a request path, or undefined when it names no configured server. */
export function upstreamUrl(servers: readonly PacsServer[], path: string): string | undefined {
  if (!path.startsWith(dicomwebPrefix)) return undefined;
  const rest = path.slice(dicomwebPrefix.length);
  const slash = rest.indexOf('/');
  const name = slash < 0 ? rest : rest.slice(0, slash);
  const server = servers.find((s) => s.name === name);
  if (!server) return undefined;
  return server.url + (slash < 0 ? '' : rest.slice(slash));
}

/** Handles a /dicom-web/ request; false where the path is not the proxy's. */
export async function proxyDicomweb(
  servers: readonly PacsServer[],
  req: IncomingMessage,
  res: ServerResponse,
  headers: Readonly<Record<string, string>>,
): Promise<boolean> {
  const path = req.url ?? '/';
  if (!path.startsWith(dicomwebPrefix)) return false;
  const target = upstreamUrl(servers, path);
  const plain = (status: number, text: string) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  };
  if (!target) {
    // The header lets the page's client tell "no such PACS here" from a PACS's own 404.
    const name = serverName(path);
    res.writeHead(404, {
      ...headers,
      'Content-Type': 'text/plain; charset=utf-8',
      [unknownServerHeader]: name,
    });
    res.end(
      `No PACS named "${name}" is configured here: start the server with --pacs ${name}=URL (consilium serve) or CONSILIUM_PACS=${name}=URL (dev and preview servers).\n`,
    );
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'HEAD') {
    plain(405, 'DICOMweb through this proxy is GET and POST.\n');
    return true;
  }
  const out: Record<string, string> = {};
  for (const name of forwardedRequestHeaders) {
    const v = req.headers[name];
    if (typeof v === 'string') out[name] = v;
  }
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers: out,
      ...(req.method === 'POST'
        ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' }
        : {}),
      signal: abort.signal,
      redirect: 'manual',
    } as RequestInit);
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    plain(502, `The PACS cannot be reached (${cause}).\n`);
    return true;
  }
  const back: Record<string, string> = { ...headers };
  for (const name of forwardedResponseHeaders) {
    const v = upstream.headers.get(name);
    if (v !== null) back[name] = v;
  }
  res.writeHead(upstream.status, back);
  if (!upstream.body || req.method === 'HEAD') {
    res.end();
    return true;
  }
  Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(res);
  return true;
}

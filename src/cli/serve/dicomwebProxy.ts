// /dicom-web/<name>/… → the configured PACS, streamed both ways. Only the headers DICOMweb
// needs cross (Accept, Content-Type, Authorization, Content-Length out; Content-Type and
// Content-Location back): no cookies, no client addresses, nothing the PACS need not see.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { request as undiciRequest } from 'undici';
import { unknownServerHeader } from '../../core/dicomweb/http.ts';
import type { PacsServer } from './pacsServers.ts';

const forwardedRequestHeaders = ['accept', 'content-type', 'authorization', 'content-length'];
// The bytes pass through as the PACS sent them, so their length and encoding come back too.
const forwardedResponseHeaders = [
  'content-type',
  'content-location',
  'content-length',
  'content-encoding',
];

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
  // undici's request(), not fetch or node:http: on a 105 MB series through this proxy fetch was
  // ~4x slower than node:http, and node:http's client ~5x slower than undici's (its 64 KB
  // 'data' events). Bytes pass through untouched (no inflating), so their length and encoding
  // can go back as they came.
  if (!URL.canParse(target)) {
    plain(502, `The PACS address ${target} is not a URL.\n`);
    return true;
  }
  const stop = new AbortController();
  res.on('close', () => stop.abort());
  try {
    const answer = await undiciRequest(target, {
      method: req.method,
      headers: out,
      body: req.method === 'POST' ? req : undefined,
      signal: stop.signal,
      headersTimeout: 0, // the page's client keeps its own idle timeout
      bodyTimeout: 0,
    });
    const back: Record<string, string> = { ...headers };
    for (const name of forwardedResponseHeaders) {
      const v = answer.headers[name];
      if (typeof v === 'string') back[name] = v;
    }
    // Patients' images and reports are never kept in the browser's HTTP cache, where a shared
    // workstation's next user could find them (and the cache's disk writes slow a series read).
    back['cache-control'] = 'no-store';
    res.writeHead(answer.statusCode, back);
    if (req.method === 'HEAD') {
      answer.body.resume();
      res.end();
      return true;
    }
    pipeline(answer.body, res, () => {});
  } catch (e) {
    if (!res.headersSent) {
      const cause = (e as { cause?: { message?: string } }).cause?.message;
      plain(502, `The PACS cannot be reached (${cause ?? (e as Error).message}).\n`);
    } else res.destroy();
  }
  return true;
}

// `consilium serve`'s HTTP server: a list of routes tried in order (the DICOMweb proxy, then the
// built app), every response with the app's security headers. Another feature adds its route
// (e.g. cohort runs) to the list without touching the others.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { proxyDicomweb } from './dicomwebProxy.ts';
import type { PacsServer } from './pacsServers.ts';
import { servedHeaders } from './securityHeaders.ts';
import { serveStatic } from './staticFiles.ts';

/** Handles the request and returns true, or returns false to let the next route try. */
export type Route = (
  req: IncomingMessage,
  res: ServerResponse,
  headers: Readonly<Record<string, string>>,
) => Promise<boolean>;

export interface ServeOptions {
  /** The built app (dist/). */
  readonly root: string;
  readonly pacs: readonly PacsServer[];
  /** Routes tried before the PACS proxy and the app's files. */
  readonly routes?: readonly Route[];
}

export function consiliumServer(options: ServeOptions): Server {
  const routes: Route[] = [
    ...(options.routes ?? []),
    (req, res, headers) => proxyDicomweb(options.pacs, req, res, headers),
  ];
  return createServer(async (req, res) => {
    try {
      for (const route of routes) if (await route(req, res, servedHeaders)) return;
      await serveStatic(options.root, req, res, servedHeaders);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { ...servedHeaders, 'Content-Type': 'text/plain' });
      res.end(`Internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  });
}

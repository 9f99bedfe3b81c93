// The same /dicom-web/<name>/ proxy in vite's dev and preview servers, configured by
// CONSILIUM_PACS="name=URL,…" (e.g. CONSILIUM_PACS=orthanc=http://127.0.0.1:8043/dicom-web).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { proxyDicomweb } from './dicomwebProxy.ts';
import { pacsFromEnv } from './pacsServers.ts';

export function dicomwebProxyPlugin(
  devHeaders: Readonly<Record<string, string>>,
  previewHeaders: Readonly<Record<string, string>>,
): Plugin {
  const pacs = pacsFromEnv(process.env.CONSILIUM_PACS);
  const middleware =
    (headers: Readonly<Record<string, string>>) =>
    (req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) => {
      proxyDicomweb(pacs, req, res, headers).then((handled) => handled || next(), next);
    };
  return {
    name: 'consilium-dicomweb-proxy',
    configureServer: (server) => void server.middlewares.use(middleware(devHeaders)),
    configurePreviewServer: (server) => void server.middlewares.use(middleware(previewHeaders)),
  };
}

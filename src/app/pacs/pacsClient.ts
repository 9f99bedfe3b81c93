// A DICOMweb client for the page: the browser's fetch, relative to this origin.
import { dicomwebClient, type DicomwebClient } from '../../core/dicomweb/http.ts';
import { fetchTransport, type PlatformFetch } from '../../core/dicomweb/fetchTransport.ts';
import type { PacsConfig } from './pacsServers.ts';

export function pacsClient(config: PacsConfig): DicomwebClient {
  const headers: Record<string, string> = config.authorization
    ? { Authorization: config.authorization }
    : {};
  return dicomwebClient(
    { baseUrl: config.baseUrl, headers, timeoutMs: 60_000 },
    fetchTransport(
      fetch.bind(globalThis) as unknown as PlatformFetch,
      AbortSignal,
      AbortController,
    ),
  );
}

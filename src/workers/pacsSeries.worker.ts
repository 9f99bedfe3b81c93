// Receives a PACS series for the page (seriesReceiver.ts): the one worker that talks to the
// network, and only to the page's own origin: a base URL is the page's proxied path
// (/dicom-web/<name>), anything else is refused here, and the CSP's connect-src 'self' holds for
// this worker as for the page (the preview and serve headers come with its script too).
import * as Comlink from 'comlink';
import { dicomwebClient, type DicomwebServer } from '../core/dicomweb/http.ts';
import { fetchTransport, type PlatformFetch } from '../core/dicomweb/fetchTransport.ts';
import type { SeriesRef } from '../core/dicomweb/wado.ts';
import { attempt, ProblemError, type Result } from '../core/result.ts';
import { receiveSeries, type ReceivedInstance } from './seriesReceiver.ts';

function ownOrigin(baseUrl: string): void {
  const origin = self.location.origin;
  if (new URL(baseUrl, self.location.href).origin !== origin)
    throw new ProblemError(
      'dicomweb-foreign-origin',
      `the PACS address ${baseUrl} is not on this page's origin ${origin}; use its proxied path /dicom-web/<name>`,
      { baseUrl },
    );
}

/** Shared memory where the page is cross-origin isolated (read in place), else its own buffer. */
const allocate = (size: number): ArrayBufferLike =>
  self.crossOriginIsolated ? new SharedArrayBuffer(size) : new ArrayBuffer(size);

const api = {
  /** Nothing: called to start the worker while the page still asks for the first slice. */
  ready: () => true,
  /**
   * Reads one series, calling `onInstances` with each batch received (shared bytes travel as
   * they are; own buffers are transferred, not copied). The value is the number of parts the
   * answer held; a failed Result is the series request's Problem (the page then asks for the
   * instances still missing one by one).
   */
  receive: (
    server: DicomwebServer,
    ref: SeriesRef,
    skip: string[],
    onInstances: (batch: ReceivedInstance[]) => void,
  ): Promise<Result<number>> =>
    attempt(async () => {
      ownOrigin(server.baseUrl);
      const client = dicomwebClient(
        server,
        // eslint-disable-next-line no-restricted-globals -- the page's own origin only (above)
        fetchTransport(fetch.bind(self) as unknown as PlatformFetch, AbortSignal, AbortController),
      );
      return receiveSeries(
        client,
        ref,
        new Set(skip),
        (batch) => {
          const own = batch
            .map((i) => i.bytes.buffer)
            .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
          return onInstances(Comlink.transfer(batch, own));
        },
        { allocate },
      );
    }, 'dicomweb-failed'),
};

export type PacsSeriesApi = typeof api;
Comlink.expose(api);

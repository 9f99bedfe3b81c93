// A PACS series' one WADO-RS answer read off the page: the body is read and cut into instances
// here (core/dicomweb/wado.ts streamedSeries), each instance joined once into the memory the
// page and its ingest and decode workers read in place (a SharedArrayBuffer on the cross-origin
// isolated page), and handed on in small batches, so the page's main thread only files what
// arrives. Reading the body on the page cost it about a second for a 105 MB series.
import { concatBytes } from '../core/bytes/concat.ts';
import type { DicomwebClient } from '../core/dicomweb/http.ts';
import { hasPixelData } from '../core/dicomweb/part10Meta.ts';
import { streamedSeries, type SeriesRef } from '../core/dicomweb/wado.ts';

export interface ReceivedInstance {
  /** The instance's WADO-RS URL (the same name the page gives an instance it asks for). */
  readonly file: string;
  readonly sopInstanceUid?: string;
  /** The Part 10 bytes in one array of their own. */
  readonly bytes: Uint8Array;
  /** Whether it holds Pixel Data (a SEG does, an RTSTRUCT does not). */
  readonly image: boolean;
}

export interface ReceiveOptions {
  /** The memory for one instance of `size` bytes. */
  readonly allocate: (size: number) => ArrayBufferLike;
  /** How long an instance may wait for others to go with it, in ms; the first never waits. */
  readonly batchMs?: number;
  /** The most instances in one batch. */
  readonly batchSize?: number;
}

/**
 * Reads the series and hands its instances to `emit` in batches (the first at once), skipping
 * those whose SOP Instance UID is in `skip` (the page has them). Resolves with the number of
 * parts the answer held once every batch's `emit` has resolved, so nothing handed on can land
 * after the answer; rejects as streamedSeries does (a ProblemError), after the batches of the
 * instances received before the failure went out.
 */
export async function receiveSeries(
  client: DicomwebClient,
  ref: SeriesRef,
  skip: ReadonlySet<string>,
  emit: (batch: ReceivedInstance[]) => unknown,
  options: ReceiveOptions,
): Promise<number> {
  const batchMs = options.batchMs ?? 10;
  const batchSize = options.batchSize ?? 16;
  const sent: unknown[] = [];
  let batch: ReceivedInstance[] = [];
  let since = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (batch.length === 0) return;
    sent.push(emit(batch));
    batch = [];
  };
  let parts = 0;
  try {
    // Lent: each instance is copied into its own memory below before the next is asked for.
    for await (const part of streamedSeries(client, ref, undefined, { lent: true })) {
      parts++;
      if (part.sopInstanceUid && skip.has(part.sopInstanceUid)) continue;
      const bytes = concatBytes(part.pieces, options.allocate);
      if (batch.length === 0) since = performance.now();
      batch.push({
        file: part.file,
        ...(part.sopInstanceUid ? { sopInstanceUid: part.sopInstanceUid } : {}),
        bytes,
        image: hasPixelData(bytes),
      });
      if (first || batch.length >= batchSize || performance.now() - since >= batchMs) {
        first = false;
        flush();
      } else timer ??= setTimeout(flush, batchMs);
    }
  } finally {
    flush();
    await Promise.all(sent);
  }
  return parts;
}

// A streamed file's pieces in one array, on the cross-origin isolated page in a SharedArrayBuffer:
// the ingest and decode workers then read it in place, with no copy and no Blob.
import { concatBytes } from '../../core/bytes/concat.ts';

/** The pieces of one file in one array; shared with workers where the page is isolated. */
export function joinedBytes(pieces: Uint8Array | readonly Uint8Array[]): Uint8Array {
  return concatBytes(pieces instanceof Uint8Array ? [pieces] : pieces, (size) =>
    globalThis.crossOriginIsolated ? new SharedArrayBuffer(size) : new ArrayBuffer(size),
  );
}

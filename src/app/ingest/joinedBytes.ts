// A streamed file's pieces in one array, on the cross-origin isolated page in a SharedArrayBuffer:
// the ingest and decode workers then read it in place, with no copy and no Blob.
import { concatBytes } from '../../core/bytes/concat.ts';

const isolated = () => globalThis.crossOriginIsolated === true;

/** Whether `bytes` already are what joinedBytes would make: shared where the page is isolated. */
function alreadyJoined(bytes: Uint8Array): boolean {
  if (!isolated()) return true;
  return typeof SharedArrayBuffer !== 'undefined' && bytes.buffer instanceof SharedArrayBuffer;
}

/**
 * The pieces of one file in one array; shared with workers where the page is isolated. One
 * array that already is (the PACS series worker joins each instance so) is taken as it is.
 */
export function joinedBytes(pieces: Uint8Array | readonly Uint8Array[]): Uint8Array {
  if (pieces instanceof Uint8Array && alreadyJoined(pieces)) return pieces;
  return concatBytes(pieces instanceof Uint8Array ? [pieces] : pieces, (size) =>
    isolated() ? new SharedArrayBuffer(size) : new ArrayBuffer(size),
  );
}

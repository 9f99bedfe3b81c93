// A streamed file's pieces in one array, on the cross-origin isolated page in a SharedArrayBuffer:
// the ingest and decode workers then read it in place, with no copy and no Blob.
/** The pieces of one file in one array; shared with workers where the page is isolated. */
export function joinedBytes(pieces: Uint8Array | readonly Uint8Array[]): Uint8Array {
  const list = pieces instanceof Uint8Array ? [pieces] : pieces;
  let size = 0;
  for (const p of list) size += p.length;
  const buffer = globalThis.crossOriginIsolated
    ? new SharedArrayBuffer(size)
    : new ArrayBuffer(size);
  const out = new Uint8Array(buffer);
  let at = 0;
  for (const p of list) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

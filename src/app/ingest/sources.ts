// Where each loaded file's bytes are: the dropped File, a Blob of a zip member, or (a PACS
// instance) the bytes as received, in a SharedArrayBuffer on the cross-origin isolated page.
// Kept outside the store (Blobs and bytes are not state); decode workers read from them on demand.
// PACS bytes are not made into Blobs as they arrive: in Chromium a Blob copies its bytes to the
// browser process, which cost more than the whole transfer (2.5 s for a 105 MB series).
const sources = new Map<string, Blob | Uint8Array>();

export function rememberSource(file: string, blob: Blob): void {
  sources.set(file, blob);
}

/** The file's bytes themselves (a shared view where the page is cross-origin isolated). */
export function rememberBytes(file: string, bytes: Uint8Array): void {
  sources.set(file, bytes);
}

/** What a decode worker reads the file from: bytes where held (shared, not copied), else a Blob. */
export function decodableSource(file: string): Blob | Uint8Array | undefined {
  return sources.get(file);
}

/** Blobs made from held bytes, kept beside them (decoding still reads the bytes). */
const madeBlobs = new WeakMap<Uint8Array, Blob>();

/** The file as a Blob (made from held bytes on first use, for exports and the tag browser). */
export function sourceOf(file: string): Blob | undefined {
  const s = sources.get(file);
  if (!(s instanceof Uint8Array)) return s;
  let blob = madeBlobs.get(s);
  if (!blob) {
    // A Blob cannot be made from shared memory: a copy of its own.
    blob = new Blob([s.slice() as Uint8Array<ArrayBuffer>]);
    madeBlobs.set(s, blob);
  }
  return blob;
}

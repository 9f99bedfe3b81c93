// Where each loaded file's bytes are: the dropped File, or a Blob of a zip member.
// Kept outside the store (Blobs are not state); decode workers read from them on demand.
const blobs = new Map<string, Blob>();

export function rememberSource(file: string, blob: Blob): void {
  blobs.set(file, blob);
}

export function sourceOf(file: string): Blob | undefined {
  return blobs.get(file);
}

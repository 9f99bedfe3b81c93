// Pieces of bytes in one new array: a body's chunks, a multipart part's slices, a file's elements.
// One loop for the whole project; the caller may choose the memory (a SharedArrayBuffer on a
// cross-origin isolated page, so workers read the result in place).

/** What concatChunks reads: a stream reader, or anything that hands over chunks the same way. */
export interface ChunkSource {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
}

/** The pieces in order in one new array, on the memory `allocate` gives for their total size. */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer>;
export function concatBytes<B extends ArrayBufferLike>(
  pieces: readonly Uint8Array[],
  allocate: (size: number) => B,
): Uint8Array<B>;
export function concatBytes(
  pieces: readonly Uint8Array[],
  allocate: (size: number) => ArrayBufferLike = (size) => new ArrayBuffer(size),
): Uint8Array {
  let size = 0;
  for (const p of pieces) size += p.length;
  const out = new Uint8Array(allocate(size));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every chunk the source hands over until it is done (or hands over none), in one new array. */
export async function concatChunks(source: ChunkSource): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const next = await source.read();
    if (next.done || !next.value) break;
    chunks.push(next.value);
  }
  return concatBytes(chunks);
}

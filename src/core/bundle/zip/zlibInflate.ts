// A second, strict inflater: the platform's DecompressionStream ('deflate-raw'), which is zlib in
// Node and in Chromium. fflate does not check that a block's Huffman code lengths form a complete
// code, so it inflates some streams zlib (unzip, Python, spreadsheets) refuses as "invalid
// distances set"; a member both read the same way is one every common reader can open.

interface StreamPair {
  readonly writable: {
    getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> };
  };
  readonly readable: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(): Promise<void>;
    };
  };
}

type DecompressionStreamCtor = new (format: 'deflate-raw') => StreamPair;

const platform = (globalThis as unknown as { DecompressionStream?: DecompressionStreamCtor })
  .DecompressionStream;

/** True where the platform offers zlib's inflater (Node 20+, every current browser). */
export const hasZlibInflate = platform !== undefined;

/**
 * zlib's reading of a raw deflate stream, or undefined when zlib refuses it or it inflates past
 * `maxBytes` (reading stops there, so the work is bounded).
 */
export async function zlibInflate(
  data: Uint8Array,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (!platform) return undefined;
  const stream = new platform('deflate-raw');
  const writer = stream.writable.getWriter();
  // Write errors surface on the reader too; these promises only must not go unhandled.
  writer.write(data).then(
    () => writer.close().catch(() => {}),
    () => {},
  );
  const reader = stream.readable.getReader();
  const out = new Uint8Array(maxBytes);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return out.subarray(0, length);
      if (!value) continue;
      if (length + value.length > maxBytes) {
        await reader.cancel().catch(() => {});
        return undefined;
      }
      out.set(value, length);
      length += value.length;
    }
  } catch {
    return undefined;
  }
}

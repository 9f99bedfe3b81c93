// multipart/related read as the bytes arrive: each part is handed on as soon as its closing
// boundary is in, so a series' first instances are parsed and decoded while the rest is still
// on the wire. Same framing rules and bounds as the whole-body reader (multipart.ts). Nothing
// is copied on the way in: the reader keeps the received chunks as they are (their source must
// not reuse them) and a part is its pieces, slices of those chunks. A part inside one chunk is
// a view of it; a longer one is joined (one copy, exactly its size) only when its `body` is
// first read, so a consumer that takes the pieces (a Blob) copies nothing here. Chunks that lie
// end to end in one buffer (the CLI reads into 4 MiB slabs) are one piece. A part that
// states its Content-Length (Orthanc's do) is not searched for its closing boundary: the
// boundary is checked where the length says it starts, and only a part whose length proves
// wrong is searched, so a series' pixels are never scanned. A source may instead lend its chunks
// (memory it reuses, e.g. the page's BYOB slab): the reader then copies what it still holds of
// a chunk once the parts it completed are handed on, and those parts are valid only until the
// next chunk is pushed.
import { concatBytes } from '../bytes/concat.ts';
import {
  boundaryOf,
  defaultMultipartLimits,
  parseHeaders,
  type MultipartLimits,
  type Part,
} from './multipart.ts';

/** A body that cannot be read as multipart/related; `reason` says where it breaks. */
export class MultipartFormatError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'MultipartFormatError';
  }
}

/** The part of a ReadableStreamDefaultReader the reader uses (core's lib has no DOM types). */
export interface ChunkReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel?(reason?: unknown): Promise<void>;
}

export interface StreamLimits extends MultipartLimits {
  /** The most body bytes read before the answer is refused. */
  readonly maxBytes: number;
}

/** A streamed part: `pieces` as received (no copy), `body` them joined on first use. */
export interface StreamedPart extends Part {
  readonly pieces: readonly Uint8Array[];
}

const CR = 13;
const LF = 10;
const DASH = 45;
const SPACE = 32;
const TAB = 9;

function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** A needle with its Horspool shift table: the search skips up to its length per step. */
interface Needle {
  readonly bytes: Uint8Array;
  readonly shift: Int32Array;
}

function needle(bytes: Uint8Array): Needle {
  const shift = new Int32Array(256).fill(bytes.length);
  for (let i = 0; i < bytes.length - 1; i++) shift[bytes[i]] = bytes.length - 1 - i;
  return { bytes, shift };
}

const HEADER_END = needle(new Uint8Array([CR, LF, CR, LF]));

/**
 * First index in [from, to) where the needle starts and ends before `to`, or -1. Horspool: a
 * 512 KB frame is crossed in about 30,000 steps, where a byte-by-byte candidate scan (every CR
 * in the pixels) made the reader cost more than the transfer.
 */
function indexOfBytes(hay: Uint8Array, n: Needle, from: number, to: number): number {
  const { bytes, shift } = n;
  const last = bytes.length - 1;
  for (let i = Math.max(0, from); i + last < to; i += shift[hay[i + last]]) {
    let j = last;
    while (j >= 0 && hay[i + j] === bytes[j]) j--;
    if (j < 0) return i;
  }
  return -1;
}

/** Joins pieces into one array (a single piece is returned as it is). */
function joined(pieces: readonly Uint8Array[]): Uint8Array {
  return pieces.length === 1 ? pieces[0] : concatBytes(pieces);
}

function streamedPart(headers: Record<string, string>, pieces: Uint8Array[]): StreamedPart {
  let body: Uint8Array | undefined;
  return {
    headers,
    pieces,
    get body() {
      body ??= pieces.length === 0 ? new Uint8Array(0) : joined(pieces);
      return body;
    },
  };
}

/**
 * The received bytes not yet consumed, as the chunks they came in. Positions are absolute
 * (from the start of the body), so a search can resume where the last one stopped.
 */
class ChunkQueue {
  private chunks: Uint8Array[] = [];
  /** Absolute position of each chunk's first byte. */
  private starts: number[] = [];
  /** Absolute position one past the last byte received. */
  end = 0;
  /** The chunk a byte was last found in: reads go mostly forward, so lookups stay O(1). */
  private cursor = 0;
  /** Chunks from this index on lie in memory their source lends (see own()). */
  private lentFrom = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const k = this.chunks.length - 1;
    const last = this.chunks[k];
    if (last && last.buffer === chunk.buffer && last.byteOffset + last.length === chunk.byteOffset)
      // Read into the memory right after the last one (a source filling a slab read by read):
      // one longer view, so a part inside the slab is one piece, never joined.
      this.chunks[k] = new Uint8Array(last.buffer, last.byteOffset, last.length + chunk.length);
    else {
      this.chunks.push(chunk);
      this.starts.push(this.end);
    }
    this.end += chunk.length;
  }

  /** Drops the chunks wholly before `pos` (consumed). */
  release(pos: number): void {
    let k = 0;
    while (k < this.chunks.length && this.starts[k] + this.chunks[k].length <= pos) k++;
    if (k === 0) return;
    this.chunks.splice(0, k);
    this.starts.splice(0, k);
    this.lentFrom = Math.max(0, this.lentFrom - k);
    this.cursor = 0;
  }

  /** Copies the lent chunks still held, from `from` on, into memory of their own. */
  own(from: number): void {
    for (let k = this.lentFrom; k < this.chunks.length; k++) {
      const cut = Math.max(0, from - this.starts[k]);
      this.chunks[k] = this.chunks[k].slice(cut);
      this.starts[k] += cut;
    }
    this.lentFrom = this.chunks.length;
  }

  private locate(pos: number): number {
    let k = Math.max(0, Math.min(this.cursor, this.chunks.length - 1));
    while (k > 0 && this.starts[k] > pos) k--;
    while (k < this.chunks.length - 1 && this.starts[k] + this.chunks[k].length <= pos) k++;
    this.cursor = k;
    return k;
  }

  byteAt(pos: number): number {
    const k = this.locate(pos);
    return this.chunks[k][pos - this.starts[k]];
  }

  /** Bytes [from, to) as slices of the chunks, no copy. */
  pieces(from: number, to: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (to <= from) return out;
    for (let k = this.locate(from); k < this.chunks.length && this.starts[k] < to; k++) {
      const s = this.starts[k];
      out.push(
        this.chunks[k].subarray(Math.max(0, from - s), Math.min(this.chunks[k].length, to - s)),
      );
    }
    return out;
  }

  /** Whether the needle starts at `pos` (all of it received). */
  matchesAt(pos: number, n: Needle): boolean {
    const bytes = n.bytes;
    for (let j = 0; j < bytes.length; j++) if (this.byteAt(pos + j) !== bytes[j]) return false;
    return true;
  }

  /**
   * First position in [from, to) where the needle starts and ends by `to`, or -1: Horspool
   * inside each chunk, then the few positions where it would straddle into the next.
   */
  find(n: Needle, from: number, to: number = this.end): number {
    const size = n.bytes.length;
    if (to - from < size || this.chunks.length === 0) return -1;
    for (let k = this.locate(from); k < this.chunks.length; k++) {
      const s = this.starts[k];
      const chunk = this.chunks[k];
      if (s >= to) break;
      const lo = Math.max(from, s);
      const hi = Math.min(to, s + chunk.length);
      const inside = indexOfBytes(chunk, n, lo - s, hi - s);
      if (inside >= 0) return s + inside;
      // Starts in this chunk whose end lies in a later one.
      for (let p = Math.max(lo, hi - size + 1); p < hi && p + size <= to; p++)
        if (this.matchesAt(p, n)) return p;
    }
    return -1;
  }
}

type State = 'start' | 'boundary' | 'headers' | 'body' | 'closed';

/** Where a part's body ends by its Content-Length header, or undefined where it states none. */
function statedEnd(
  headers: Record<string, string>,
  start: number,
  maxBytes: number,
): number | undefined {
  const text = headers['content-length'];
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  const length = Number(text);
  return length <= maxBytes ? start + length : undefined;
}

/** The incremental reader: push chunks in, take complete parts out, then end(). */
export class MultipartStreamReader {
  private readonly queue = new ChunkQueue();
  private pos = 0;
  /** Where the next search may start (bytes before it were searched already). */
  private scan = 0;
  private state: State = 'start';
  private headers: Record<string, string> = {};
  private parts = 0;
  private total = 0;
  /** Whether the body was seen to open with its boundary (else a preamble comes first). */
  private opening?: boolean;
  /** Where the open part's closing delimiter starts if its Content-Length is right. */
  private stated?: number;
  private readonly dashBoundary: Needle;
  private readonly delimiter: Needle;

  /**
   * With `lent`, each pushed chunk is the source's until its next push: what the reader still
   * needs of it is copied before push() returns, and the parts push() returns are valid until
   * the next push.
   */
  constructor(
    contentType: string,
    private readonly limits: StreamLimits = { ...defaultMultipartLimits, maxBytes: 1 << 30 },
    private readonly lent = false,
  ) {
    const found = boundaryOf(contentType);
    if ('reason' in found) throw new MultipartFormatError(found.reason);
    this.dashBoundary = needle(ascii(`--${found.boundary}`));
    this.delimiter = needle(ascii(`\r\n--${found.boundary}`));
  }

  /**
   * Adds a chunk (kept, not copied, unless lent); returns the parts it completed. A chunk that
   * is not lent must not be reused by its source.
   */
  push(chunk: Uint8Array): StreamedPart[] {
    this.total += chunk.length;
    if (this.total > this.limits.maxBytes)
      throw new MultipartFormatError(`it is over the limit of ${this.limits.maxBytes} bytes`);
    if (this.state === 'closed') return []; // the epilogue is ignored
    this.queue.push(chunk);
    const out = this.drain();
    const kept = Math.min(this.pos, this.scan);
    this.queue.release(kept);
    if (this.lent) this.queue.own(kept);
    return out;
  }

  /**
   * The body is complete: returns the parts still to hand on (one whose stated length ran past
   * its boundary is found by search now), or refuses a body that stopped before its close
   * delimiter.
   */
  end(): StreamedPart[] {
    const out: StreamedPart[] = [];
    while (this.state === 'body' && this.stated !== undefined) {
      this.stated = undefined;
      out.push(...this.drain());
    }
    const state: State = this.state;
    if (state === 'closed') return out;
    if (this.state === 'start') throw new MultipartFormatError('the body holds no boundary');
    if (this.state === 'body')
      throw new MultipartFormatError(`part ${this.parts + 1} has no closing boundary`);
    if (this.state === 'headers')
      throw new MultipartFormatError(`part ${this.parts + 1}'s headers do not end`);
    throw new MultipartFormatError('the body ends without its close delimiter');
  }

  private drain(): StreamedPart[] {
    const out: StreamedPart[] = [];
    const q = this.queue;
    for (;;) {
      if (this.state === 'start') {
        // The first boundary opens the body, or follows a preamble and a CRLF.
        const size = this.dashBoundary.bytes.length;
        if (this.opening === undefined) {
          if (q.end < size) return out;
          this.opening = q.find(this.dashBoundary, 0, size) === 0;
        }
        if (this.opening) {
          this.pos = size;
        } else {
          const d = q.find(this.delimiter, this.scan);
          if (d < 0) {
            this.scan = Math.max(0, q.end - this.delimiter.bytes.length + 1);
            return out;
          }
          this.pos = d + this.delimiter.bytes.length;
        }
        this.scan = this.pos;
        this.state = 'boundary';
      }
      if (this.state === 'boundary') {
        // "--" closes; else optional padding (spaces, tabs) and a CRLF open the next part.
        let at = this.pos;
        if (q.end - at < 2) return out;
        if (q.byteAt(at) === DASH && q.byteAt(at + 1) === DASH) {
          this.state = 'closed';
          return out;
        }
        while (at < q.end && (q.byteAt(at) === SPACE || q.byteAt(at) === TAB)) at++;
        if (q.end - at < 2) return out;
        if (q.byteAt(at) !== CR || q.byteAt(at + 1) !== LF)
          throw new MultipartFormatError('a boundary is not followed by a line break');
        if (this.parts >= this.limits.maxParts)
          throw new MultipartFormatError(`it has more than ${this.limits.maxParts} parts`);
        this.pos = at + 2;
        this.scan = at; // an empty header block ends at the CRLF just read
        this.state = 'headers';
      }
      if (this.state === 'headers') {
        const limit = Math.min(q.end, this.pos + this.limits.maxHeaderBytes);
        const end = q.find(HEADER_END, this.scan, limit);
        if (end < 0) {
          if (limit - this.pos >= this.limits.maxHeaderBytes)
            throw new MultipartFormatError(`part ${this.parts + 1}'s headers do not end`);
          this.scan = Math.max(this.pos - 2, limit - HEADER_END.bytes.length + 1);
          return out;
        }
        const headers = parseHeaders(joined(q.pieces(this.pos, Math.max(this.pos, end))));
        if (!headers)
          throw new MultipartFormatError(`part ${this.parts + 1}'s headers are malformed`);
        this.headers = headers;
        this.pos = end + 4;
        this.stated = statedEnd(headers, this.pos, this.limits.maxBytes);
        // The delimiter's CRLF may be the header block's last two bytes (an empty body).
        this.scan = end + 2;
        this.state = 'body';
      }
      // this.state === 'body'
      let end = -1;
      if (this.stated !== undefined) {
        if (q.end < this.stated + this.delimiter.bytes.length) return out;
        if (q.matchesAt(this.stated, this.delimiter)) end = this.stated;
        // A wrong length: the boundary is searched for, as for a part that states none.
        this.stated = undefined;
      }
      if (end < 0) end = q.find(this.delimiter, this.scan);
      if (end < 0) {
        this.scan = Math.max(this.scan, q.end - this.delimiter.bytes.length + 1);
        return out;
      }
      out.push(streamedPart(this.headers, q.pieces(this.pos, Math.max(this.pos, end))));
      this.parts++;
      this.pos = end + this.delimiter.bytes.length;
      this.scan = this.pos;
      this.state = 'boundary';
    }
  }
}

/**
 * The parts of a streamed multipart/related body, each as soon as it is complete. With `lent`
 * (a reader whose chunks are valid until its next read), a part is valid until the next part
 * is asked for: the consumer copies what it keeps first.
 */
export async function* streamMultipart(
  contentType: string,
  reader: ChunkReader,
  limits: StreamLimits = { ...defaultMultipartLimits, maxBytes: 1 << 30 },
  lent = false,
): AsyncGenerator<StreamedPart> {
  let done = false;
  try {
    const parser = new MultipartStreamReader(contentType, limits, lent);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      if (next.value) yield* parser.push(next.value);
    }
    done = true;
    yield* parser.end();
  } finally {
    // A consumer that stops early, or a body refused half way, frees the connection.
    if (!done) await reader.cancel?.().catch(() => undefined);
  }
}

// multipart/related read as the bytes arrive: each part is handed on as soon as its closing
// boundary is in, so a series' first instances are parsed and decoded while the rest is still
// on the wire. Same framing rules and bounds as the whole-body reader (multipart.ts); bytes are
// copied once into a growing buffer (once in all when the length is known) and every part is a
// view into it, never overwritten afterwards.
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

const CR = 13;
const LF = 10;
const DASH = 45;
const HEADER_END = needle(new Uint8Array([CR, LF, CR, LF]));

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

type State = 'start' | 'boundary' | 'headers' | 'body' | 'closed';

/** The incremental reader: push chunks in, take complete parts out, then end(). */
export class MultipartStreamReader {
  private buf: Uint8Array;
  private len = 0;
  private pos = 0;
  /** Where the next search may start (bytes before it were searched already). */
  private scan = 0;
  private state: State = 'start';
  private headers: Record<string, string> = {};
  private parts = 0;
  private total = 0;
  private readonly dashBoundary: Needle;
  private readonly delimiter: Needle;

  constructor(
    contentType: string,
    private readonly limits: StreamLimits = { ...defaultMultipartLimits, maxBytes: 1 << 30 },
    expectedBytes?: number,
  ) {
    const found = boundaryOf(contentType);
    if ('reason' in found) throw new MultipartFormatError(found.reason);
    this.dashBoundary = needle(ascii(`--${found.boundary}`));
    this.delimiter = needle(ascii(`\r\n--${found.boundary}`));
    const known =
      expectedBytes !== undefined && expectedBytes > 0 && expectedBytes <= limits.maxBytes;
    this.buf = new Uint8Array(known ? expectedBytes : 1 << 20);
  }

  /** Adds a chunk; returns the parts it completed. */
  push(chunk: Uint8Array): Part[] {
    this.total += chunk.length;
    if (this.total > this.limits.maxBytes)
      throw new MultipartFormatError(`it is over the limit of ${this.limits.maxBytes} bytes`);
    if (this.state === 'closed') return []; // the epilogue is ignored
    this.append(chunk);
    return this.drain();
  }

  /** The body is complete: refuses one that stopped before its close delimiter. */
  end(): void {
    if (this.state === 'closed') return;
    if (this.state === 'start') throw new MultipartFormatError('the body holds no boundary');
    if (this.state === 'body')
      throw new MultipartFormatError(`part ${this.parts + 1} has no closing boundary`);
    if (this.state === 'headers')
      throw new MultipartFormatError(`part ${this.parts + 1}'s headers do not end`);
    throw new MultipartFormatError('the body ends without its close delimiter');
  }

  private append(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.buf.length) {
      // A new buffer holds the unread tail and room to grow; parts already handed on keep
      // the old one, unchanged.
      const tail = this.len - this.pos;
      const grown = new Uint8Array(Math.max(2 * (tail + chunk.length), 4 << 20));
      grown.set(this.buf.subarray(this.pos, this.len), 0);
      this.scan -= this.pos;
      this.buf = grown;
      this.len = tail;
      this.pos = 0;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
  }

  private drain(): Part[] {
    const out: Part[] = [];
    const buf = this.buf;
    for (;;) {
      if (this.state === 'start') {
        // The first boundary opens the body, or follows a preamble and a CRLF.
        if (this.len < this.dashBoundary.bytes.length) return out;
        if (indexOfBytes(buf, this.dashBoundary, 0, this.dashBoundary.bytes.length) === 0) {
          this.pos = this.dashBoundary.bytes.length;
        } else {
          const d = indexOfBytes(buf, this.delimiter, this.scan, this.len);
          if (d < 0) {
            this.scan = Math.max(0, this.len - this.delimiter.bytes.length + 1);
            return out;
          }
          this.pos = d + this.delimiter.bytes.length;
        }
        this.state = 'boundary';
      }
      if (this.state === 'boundary') {
        // "--" closes; else optional padding (spaces, tabs) and a CRLF open the next part.
        let at = this.pos;
        if (this.len - at < 2) return out;
        if (buf[at] === DASH && buf[at + 1] === DASH) {
          this.state = 'closed';
          return out;
        }
        while (at < this.len && (buf[at] === 32 || buf[at] === 9)) at++;
        if (this.len - at < 2) return out;
        if (buf[at] !== CR || buf[at + 1] !== LF)
          throw new MultipartFormatError('a boundary is not followed by a line break');
        if (this.parts >= this.limits.maxParts)
          throw new MultipartFormatError(`it has more than ${this.limits.maxParts} parts`);
        this.pos = at + 2;
        this.scan = at; // an empty header block ends at the CRLF just read
        this.state = 'headers';
      }
      if (this.state === 'headers') {
        const limit = Math.min(this.len, this.pos + this.limits.maxHeaderBytes);
        const end = indexOfBytes(buf, HEADER_END, this.scan, limit);
        if (end < 0) {
          if (limit - this.pos >= this.limits.maxHeaderBytes)
            throw new MultipartFormatError(`part ${this.parts + 1}'s headers do not end`);
          this.scan = Math.max(this.pos - 2, limit - HEADER_END.bytes.length + 1);
          return out;
        }
        const headers = parseHeaders(buf.subarray(this.pos, Math.max(this.pos, end)));
        if (!headers)
          throw new MultipartFormatError(`part ${this.parts + 1}'s headers are malformed`);
        this.headers = headers;
        this.pos = end + 4;
        // The delimiter's CRLF may be the header block's last two bytes (an empty body).
        this.scan = end + 2;
        this.state = 'body';
      }
      // this.state === 'body'
      const end = indexOfBytes(buf, this.delimiter, this.scan, this.len);
      if (end < 0) {
        this.scan = Math.max(this.scan, this.len - this.delimiter.bytes.length + 1);
        return out;
      }
      out.push({ headers: this.headers, body: buf.subarray(this.pos, Math.max(this.pos, end)) });
      this.parts++;
      this.pos = end + this.delimiter.bytes.length;
      this.state = 'boundary';
    }
  }
}

/** The parts of a streamed multipart/related body, each as soon as it is complete. */
export async function* streamMultipart(
  contentType: string,
  reader: ChunkReader,
  limits: StreamLimits = { ...defaultMultipartLimits, maxBytes: 1 << 30 },
  expectedBytes?: number,
): AsyncGenerator<Part> {
  let done = false;
  try {
    const parser = new MultipartStreamReader(contentType, limits, expectedBytes);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      if (next.value) yield* parser.push(next.value);
    }
    done = true;
    parser.end();
  } finally {
    // A consumer that stops early, or a body refused half way, frees the connection.
    if (!done) await reader.cancel?.().catch(() => undefined);
  }
}

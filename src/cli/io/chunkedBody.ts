// HTTP/1.1 chunked transfer coding (RFC 9112 7.1) undone as the bytes arrive: each chunk's data
// is handed on as slices of the received bytes (no copy); sizes, extensions and trailers are
// read and dropped. Strict and bounded: a size line or trailer past 8 KiB, or a size that is not
// hex, ends the body with an error rather than a guess.

const CR = 13;
const LF = 10;
const MAX_LINE = 8192;

/** A chunked body that cannot be read; `message` says where it breaks. */
export class ChunkedFormatError extends Error {
  constructor(message: string) {
    super(`the chunked body is malformed: ${message}`);
    this.name = 'ChunkedFormatError';
  }
}

type State = 'size' | 'data' | 'dataEnd' | 'trailer' | 'done';

export class ChunkedDecoder {
  private state: State = 'size';
  /** The line being read (a size line or a trailer), as text. */
  private line = '';
  /** Whether the line's CR has been read, its LF awaited. */
  private sawCr = false;
  private left = 0;

  get done(): boolean {
    return this.state === 'done';
  }

  /** Reads `bytes`, handing each run of chunk data to `data`; true once the body is complete. */
  push(bytes: Uint8Array, data: (slice: Uint8Array) => void): boolean {
    let at = 0;
    while (at < bytes.length && this.state !== 'done') {
      if (this.state === 'data') {
        const take = Math.min(this.left, bytes.length - at);
        data(bytes.subarray(at, at + take));
        at += take;
        this.left -= take;
        if (this.left === 0) this.state = 'dataEnd';
        continue;
      }
      // A line: the size line, the CRLF after data, or a trailer line.
      const b = bytes[at++];
      if (this.sawCr) {
        if (b !== LF) throw new ChunkedFormatError('a line ends with CR but no LF');
        this.sawCr = false;
        this.endLine();
        continue;
      }
      if (b === CR) this.sawCr = true;
      else if (this.state === 'dataEnd')
        throw new ChunkedFormatError('chunk data runs past its size');
      else if (this.line.length >= MAX_LINE) throw new ChunkedFormatError('a line is too long');
      else this.line += String.fromCharCode(b);
    }
    return this.state === 'done';
  }

  private endLine(): void {
    const line = this.line;
    this.line = '';
    if (this.state === 'dataEnd') {
      this.state = 'size';
      return;
    }
    if (this.state === 'trailer') {
      if (line === '') this.state = 'done';
      return;
    }
    // The size, then optional ";extension" parameters.
    const size = line.split(';', 1)[0].trim();
    if (!/^[0-9a-fA-F]{1,13}$/.test(size))
      throw new ChunkedFormatError(`"${size}" is not a chunk size`);
    this.left = parseInt(size, 16);
    this.state = this.left === 0 ? 'trailer' : 'data';
  }
}

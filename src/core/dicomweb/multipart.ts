// multipart/related bodies (RFC 2387) as WADO-RS sends frames and STOW-RS receives instances.
// Strict: a body that does not follow the framing is refused rather than read in part, and the
// number of parts and the size of part headers are bounded, so a hostile server cannot make the
// reader loop or allocate without end. Part bodies are views into the response, never copies.
import { parseMediaType } from './mediaType.ts';

export interface Part {
  /** Header names lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface MultipartLimits {
  readonly maxParts: number;
  readonly maxHeaderBytes: number;
}

export const defaultMultipartLimits: MultipartLimits = {
  maxParts: 100_000,
  maxHeaderBytes: 16_384,
};

export type MultipartResult = { ok: true; parts: Part[] } | { ok: false; reason: string };

const CR = 13;
const LF = 10;
const DASH = 45;

function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** First index >= from where `needle` occurs in `hay`, or -1 (native indexOf finds candidates). */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first, from); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** A part's header lines as lower-cased names, or undefined when a line is not a header. */
export function parseHeaders(bytes: Uint8Array): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  const text = new TextDecoder('latin1').decode(bytes);
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The boundary of a multipart/related Content-Type, or why there is none. */
export function boundaryOf(contentType: string): { boundary: string } | { reason: string } {
  const media = parseMediaType(contentType);
  if (!media || media.type !== 'multipart/related')
    return { reason: `it is "${contentType || 'untyped'}", not multipart/related` };
  const boundary = media.params.boundary;
  if (!boundary || boundary.length > 200) return { reason: 'its Content-Type names no boundary' };
  return { boundary };
}

/** The parts of a multipart/related body, or why it cannot be read. */
export function parseMultipart(
  contentType: string,
  body: Uint8Array,
  limits: MultipartLimits = defaultMultipartLimits,
): MultipartResult {
  const found = boundaryOf(contentType);
  if ('reason' in found) return { ok: false, reason: found.reason };
  const dashBoundary = ascii(`--${found.boundary}`);
  const delimiter = ascii(`\r\n--${found.boundary}`);
  // The first boundary opens the body, or follows a preamble and a CRLF.
  let at = 0;
  if (indexOfBytes(body, dashBoundary, 0) !== 0) {
    const d = indexOfBytes(body, delimiter, 0);
    if (d < 0) return { ok: false, reason: 'the body holds no boundary' };
    at = d + 2;
  }
  const parts: Part[] = [];
  for (;;) {
    at += dashBoundary.length;
    if (body[at] === DASH && body[at + 1] === DASH) break; // the close delimiter
    // Transport padding (spaces, tabs) may follow a boundary before its CRLF.
    while (body[at] === 32 || body[at] === 9) at++;
    if (body[at] !== CR || body[at + 1] !== LF)
      return { ok: false, reason: `a boundary is not followed by a line break (byte ${at})` };
    at += 2;
    if (parts.length >= limits.maxParts)
      return { ok: false, reason: `it has more than ${limits.maxParts} parts` };
    const headerEnd = indexOfBytes(
      body.subarray(0, Math.min(body.length, at + limits.maxHeaderBytes)),
      ascii('\r\n\r\n'),
      at - 2,
    );
    if (headerEnd < 0)
      return { ok: false, reason: `part ${parts.length + 1}'s headers do not end` };
    const headers = parseHeaders(body.subarray(at, headerEnd));
    if (!headers) return { ok: false, reason: `part ${parts.length + 1}'s headers are malformed` };
    const start = headerEnd + 4;
    const end = indexOfBytes(body, delimiter, headerEnd + 2);
    if (end < 0) return { ok: false, reason: `part ${parts.length + 1} has no closing boundary` };
    parts.push({ headers, body: body.subarray(start, end) });
    at = end + 2;
  }
  return { ok: true, parts };
}

/** Whether `boundary` occurs in any of the bodies (then another must be chosen). */
export function boundaryCollides(bodies: readonly Uint8Array[], boundary: string): boolean {
  const needle = ascii(`--${boundary}`);
  return bodies.some((b) => indexOfBytes(b, needle, 0) >= 0);
}

/** A multipart/related body of `parts` (STOW-RS); the boundary must occur in none of them. */
export function writeMultipart(
  parts: readonly { contentType: string; body: Uint8Array }[],
  boundary: string,
): Uint8Array {
  const heads = parts.map((p, i) =>
    ascii(`${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${p.contentType}\r\n\r\n`),
  );
  const tail = ascii(`\r\n--${boundary}--\r\n`);
  let size = tail.length;
  for (let i = 0; i < parts.length; i++) size += heads[i].length + parts[i].body.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    out.set(heads[i], at);
    at += heads[i].length;
    out.set(parts[i].body, at);
    at += parts[i].body.length;
  }
  out.set(tail, at);
  return out;
}

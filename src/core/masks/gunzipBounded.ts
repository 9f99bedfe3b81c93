// Inflating a .gz without trusting it: a few kilobytes can inflate to gigabytes, so the input is
// fed in small steps and inflating stops once `wantedBytes` are out, before more is ever held.
import { Gunzip } from 'fflate';

// Deflate expands at most ~1032:1, so one 4 KiB step adds at most ~4 MiB past what is wanted.
const step = 4096;

/** The first `wantedBytes` of the inflated stream, or all of it when it is shorter. */
export function gunzipPrefix(bytes: Uint8Array, wantedBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    if (total < wantedBytes) chunks.push(chunk);
    total += chunk.length;
  });
  for (let at = 0; at < bytes.length && total < wantedBytes; at += step) {
    const end = Math.min(at + step, bytes.length);
    gunzip.push(bytes.subarray(at, end), end === bytes.length);
  }
  const size = Math.min(total, wantedBytes);
  const out = new Uint8Array(size);
  let pos = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.min(c.length, size - pos));
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

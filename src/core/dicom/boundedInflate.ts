// Inflating a Deflated data set without trusting it: a few kilobytes of input can inflate to
// gigabytes, so the input is fed in small steps and inflating stops as soon as the output
// passes the limit, before it is ever held whole.
import { Inflate } from 'fflate';
import { formatBytes } from './limits.ts';
import { DicomProblem } from './loadError.ts';

// Deflate expands at most ~1032:1, so one 1 KiB step adds at most ~1 MiB past the limit.
const step = 1024;

/**
 * `prefix` followed by the raw-deflate `body` inflated, as one array (so element offsets in
 * the data set stay valid). Throws DicomProblem 'inflate-limit' past `maxInflatedBytes`.
 */
export function inflateBounded(
  prefix: Uint8Array,
  body: Uint8Array,
  maxInflatedBytes: number,
): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxInflatedBytes) over = true;
    else chunks.push(chunk);
  });
  for (let at = 0; at < body.length && !over; at += step) {
    const end = Math.min(at + step, body.length);
    inflater.push(body.subarray(at, end), end === body.length);
  }
  if (body.length === 0) inflater.push(new Uint8Array(0), true);
  if (over) {
    throw new DicomProblem(
      'inflate-limit',
      `the Deflated data set inflates to more than ${formatBytes(maxInflatedBytes)} (the limit); it was not read further`,
      { limit: 'maxInflatedBytes', max: maxInflatedBytes, compressedBytes: body.length },
    );
  }
  const whole = new Uint8Array(prefix.length + total);
  whole.set(prefix, 0);
  let pos = prefix.length;
  for (const c of chunks) {
    whole.set(c, pos);
    pos += c.length;
  }
  return whole;
}

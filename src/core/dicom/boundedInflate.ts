// Inflating a Deflated data set without trusting it: a few kilobytes of input can inflate to
// gigabytes. The input is fed in small steps; inflating stops as soon as the output passes the
// limit, before it is ever held whole, or as soon as the inflated bytes stop being a data set
// (an element header with an invalid value representation), whichever comes first.
import { Inflate } from 'fflate';
import { formatBytes } from './limits.ts';
import { DicomProblem } from './loadError.ts';
import { longLengthVRs, validVRs } from './vr.ts';

// Deflate expands at most ~1032:1, so one 1 KiB step adds at most ~1 MiB past the limit. The
// first steps are smaller, so bytes that are no data set are refused after little work.
const firstStep = 64;
const step = 1024;

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Follows the top-level element headers of the inflated (explicit VR little endian) data set
 * as its bytes arrive. It stops following, without a verdict, at a sequence or a value of
 * undefined length: the limit still bounds what follows.
 */
class ElementWalk {
  private cursor = 0;
  private chunk = 0;
  private chunkStart = 0;
  private following = true;
  private readonly head = new Uint8Array(12);

  /** Copies n bytes at `pos` (not before the current chunk) out of the chunks. */
  private read(chunks: readonly Uint8Array[], pos: number, n: number): Uint8Array {
    while (pos >= this.chunkStart + chunks[this.chunk].length) {
      this.chunkStart += chunks[this.chunk].length;
      this.chunk++;
    }
    let c = this.chunk;
    let at = pos - this.chunkStart;
    for (let i = 0; i < n; i++) {
      while (at >= chunks[c].length) {
        at -= chunks[c].length;
        c++;
      }
      this.head[i] = chunks[c][at++];
    }
    return this.head;
  }

  /** Walks every header now complete; the problem when one is not an element header. */
  advance(chunks: readonly Uint8Array[], total: number): DicomProblem | undefined {
    while (this.following && this.cursor + 12 <= total) {
      const h = this.read(chunks, this.cursor, 12);
      const group = h[0] | (h[1] << 8);
      const element = h[2] | (h[3] << 8);
      const vr = String.fromCharCode(h[4], h[5]);
      if (group === 0xfffe) {
        this.following = false;
        break;
      }
      if (!validVRs.has(vr)) {
        return new DicomProblem(
          'invalid-header',
          `the Deflated data set is damaged: at byte ${this.cursor} of the inflated data, element (${hex4(group)},${hex4(element)}) has no valid value representation, so it was not inflated further`,
          { inflatedBytes: total },
        );
      }
      const long = longLengthVRs.has(vr);
      const length = long
        ? (h[8] | (h[9] << 8) | (h[10] << 16) | (h[11] << 24)) >>> 0
        : h[6] | (h[7] << 8);
      if (vr === 'SQ' || length === 0xffffffff) this.following = false;
      else this.cursor += (long ? 12 : 8) + length;
    }
    return undefined;
  }
}

/**
 * `prefix` followed by the raw-deflate `body` inflated, as one array (so element offsets in
 * the data set stay valid). Throws DicomProblem 'inflate-limit' past `maxInflatedBytes`, and
 * 'invalid-header' as soon as the inflated bytes are not a data set.
 */
export function inflateBounded(
  prefix: Uint8Array,
  body: Uint8Array,
  maxInflatedBytes: number,
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const walk = new ElementWalk();
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxInflatedBytes) over = true;
    else if (chunk.length > 0) chunks.push(chunk);
  });
  for (
    let at = 0, size = firstStep;
    at < body.length && !over;
    at += size, size = Math.min(size * 2, step)
  ) {
    const end = Math.min(at + size, body.length);
    inflater.push(body.subarray(at, end), end === body.length);
    const damaged = !over && walk.advance(chunks, total);
    if (damaged) throw damaged;
  }
  if (body.length === 0) inflater.push(new Uint8Array(0), true);
  if (over) {
    throw new DicomProblem(
      'inflate-limit',
      `the Deflated data set inflates to more than ${formatBytes(maxInflatedBytes)} (the limit); it was not inflated further`,
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

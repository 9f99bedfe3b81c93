// A member's bytes, read from where the central directory says: inflated with fflate at most to
// the size the headers declare (checked against the limits before), the deflate stream filling the
// compressed size exactly, and the CRC-32 checked on the result.
import { Inflate, inflateSync } from 'fflate';
import { zipReading } from '../limits';
import { reject } from '../types';
import { crc32 } from './crc32';
import { STORED } from './entryRules';
import type { Member } from './structure';

function damaged(err: unknown, name: string): never {
  return reject(
    'ZIP_CORRUPT',
    `The member's compressed data is damaged (${(err as Error).message}).`,
    name,
  );
}

/**
 * Inflates `data` into `size` + 1 bytes, stopping as soon as the output passes `size`: in steps of
 * inflateChunkBytes, or in one call when the data is no longer than one step (the same bound on
 * work, as deflate expands at most ~1032:1, and much faster for the many small members).
 */
function inflateBounded(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size + 1);
  const step = zipReading.inflateChunkBytes;
  if (data.length <= step) return inflateSync(data, { out });
  let written = 0;
  const inflater = new Inflate((chunk) => {
    const room = out.length - written;
    out.set(chunk.length > room ? chunk.subarray(0, room) : chunk, written);
    written += Math.min(chunk.length, room);
  });
  for (let i = 0; i < data.length && written <= size; i += step)
    inflater.push(data.subarray(i, i + step), i + step >= data.length);
  return out.subarray(0, written);
}

/** Inflates `data` to exactly `size` bytes, or says why it does not. */
function inflateExactly(data: Uint8Array, size: number, name: string): Uint8Array {
  let inflated: Uint8Array;
  try {
    inflated = inflateBounded(data, size);
  } catch (err) {
    return damaged(err, name);
  }
  if (inflated.length > size)
    reject('MEMBER_TOO_LARGE', `The member inflates past its declared ${size} bytes.`, name);
  if (inflated.length !== size)
    reject(
      'ZIP_SIZE_MISMATCH',
      `The member inflates to ${inflated.length} bytes; its headers say ${size}.`,
      name,
    );
  const out = inflated.subarray(0, size);
  // Readers that stream local entries take the end of the deflate stream as the end of the data;
  // readers that follow the central directory take the compressed size. They agree only when the
  // stream needs its last byte: inflating all but that byte must fail. (That writes the same
  // prefix into the same buffer again, so no second buffer; the CRC below is over the result.)
  let endsEarly = true;
  try {
    inflateSync(data.subarray(0, data.length - 1), {
      out: new Uint8Array(out.buffer, 0, size + 1),
    });
  } catch {
    endsEarly = false;
  }
  if (endsEarly)
    reject(
      'ZIP_STRAY_BYTES',
      "The member's deflate stream ends before its compressed size; the bytes after it belong to nothing.",
      name,
    );
  return out;
}

/** The member's uncompressed bytes, exactly as declared and CRC-checked. */
export function memberData(zip: Uint8Array, member: Member): Uint8Array {
  const { entry, name, dataStart } = member;
  const data = zip.subarray(dataStart, dataStart + entry.compressedSize);
  const bytes = entry.method === STORED ? data.slice() : inflateExactly(data, entry.size, name);
  if (crc32(bytes) !== entry.crc)
    reject(
      'ZIP_CRC_MISMATCH',
      "The member's CRC-32 does not match its data; the zip is damaged or was altered.",
      name,
    );
  return bytes;
}

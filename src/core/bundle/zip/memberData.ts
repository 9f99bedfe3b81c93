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

/** Inflates `data`, stopping as soon as the output would pass `size` bytes. */
function inflateAtMost(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over || chunk.length === 0) return;
    if (written + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  const step = zipReading.inflateChunkBytes;
  try {
    for (let i = 0; i < data.length && !over; i += step)
      inflater.push(data.subarray(i, i + step), i + step >= data.length);
  } catch (err) {
    damaged(err, name);
  }
  if (over)
    reject('MEMBER_TOO_LARGE', `The member inflates past its declared ${size} bytes.`, name);
  if (written !== size)
    reject(
      'ZIP_SIZE_MISMATCH',
      `The member inflates to ${written} bytes; its headers say ${size}.`,
      name,
    );
  // Readers that stream local entries take the end of the deflate stream as the end of the data;
  // readers that follow the central directory take the compressed size. They agree only when the
  // stream needs its last byte: inflating all but that byte must fail. (It writes the same prefix
  // into `out` again, so no second buffer; the CRC below is over the final contents.)
  let endsEarly = true;
  try {
    inflateSync(data.subarray(0, data.length - 1), { out });
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
  const bytes = entry.method === STORED ? data.slice() : inflateAtMost(data, entry.size, name);
  if (crc32(bytes) !== entry.crc)
    reject(
      'ZIP_CRC_MISMATCH',
      "The member's CRC-32 does not match its data; the zip is damaged or was altered.",
      name,
    );
  return bytes;
}

// The one reading of a bundle's zip. A zip can be built so that two readers see different files
// (the central directory and local headers disagreeing, entries overlapping or hidden between
// others, two end records, names that collide on some file systems, links posing as files). This
// reader parses the structure itself and accepts only zips that every common reader reads the
// same way (zip/structure.ts), so what verifyBundle checks and signs is what a partner's unzip,
// Python or spreadsheet will see. fflate only inflates.
//
// Canonical bytes: the zip verified here is the file's own bytes (or, for an encrypted bundle, the
// AES-GCM plaintext of them, which the authentication tag fixes), and since every byte of it is
// accounted for by exactly one reading, those bytes are the canonical form. The import keeps the
// file's bytes unchanged (importBundle.ts stores exactly the bytes it sent to verification).
import type { ImportLimits } from './limits';
import { reject } from './types';
import { DEFLATED } from './zip/entryRules';
import { memberData } from './zip/memberData';
import { ZipBytes } from './zip/records';
import { readMembers, sameBytes, type Member } from './zip/structure';
import { zlibInflate } from './zip/zlibInflate';

/** The zip's members, structure checked completely and sizes against the limits; nothing inflated. */
function layout(zip: Uint8Array, limits: ImportLimits): Member[] {
  if (zip.length > limits.maxBundleBytes)
    reject(
      'TOO_LARGE',
      `The bundle is ${zip.length} bytes; at most ${limits.maxBundleBytes} are accepted.`,
    );
  return readMembers(new ZipBytes(zip), limits);
}

function inflateAll(zip: Uint8Array, members: readonly Member[]): Map<string, Uint8Array> {
  return new Map(members.map((m) => [m.name, memberData(zip, m)]));
}

/**
 * Read a zip from an untrusted source: its structure checked completely, sizes declared in the
 * headers checked against the limits before anything is inflated, then each member inflated to
 * exactly its declared size and CRC-checked. Members come in central directory order.
 */
export function readZipSafely(zip: Uint8Array, limits: ImportLimits): Map<string, Uint8Array> {
  return inflateAll(zip, layout(zip, limits));
}

/**
 * readZipSafely, and each deflated member inflated a second time by zlib (zip/zlibInflate.ts),
 * which must give the same bytes: a stream only fflate can read is one the partner's unzip
 * cannot. This is the reading verifyBundle uses.
 */
export async function readZipStrictly(
  zip: Uint8Array,
  limits: ImportLimits,
): Promise<Map<string, Uint8Array>> {
  const members = layout(zip, limits);
  const bytes = inflateAll(zip, members);
  for (const { dataStart, entry, name } of members) {
    if (entry.method !== DEFLATED) continue;
    const data = zip.subarray(dataStart, dataStart + entry.compressedSize);
    const byZlib = await zlibInflate(data, entry.size);
    if (!byZlib || !sameBytes(byZlib, bytes.get(name)!))
      reject(
        'ZIP_CORRUPT',
        "The member's deflate stream is not valid deflate (zlib, which unzip and Python use, refuses it).",
        name,
      );
  }
  return bytes;
}

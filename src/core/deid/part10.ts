// What dcmjs needs to be safe and able to read a Part 10 file, checked before it reads it: the
// file meta group walked by hand (explicit VR little endian, strictly bounded), a File Meta
// Information Group Length added when a writer left it out (dcmjs refuses such files unless told
// to ignore every error), and a Deflated data set inflated once while counting, so that a small
// file that inflates to gigabytes is refused before dcmjs inflates it all into memory.
import { Inflate } from 'fflate';
import { elementBytes, concatBytes } from '../dicom/demo/explicitLeWriter.ts';
import { longLengthVRs } from '../dicom/vr.ts';
import { ProblemError } from '../result.ts';

export const DEFLATED_SYNTAX = '1.2.840.10008.1.2.1.99';
/** A deflated data set may inflate to this much (dcmjs then holds it in memory once). */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

const META_START = 132; // 128-byte preamble + "DICM"
const CHUNK = 16 * 1024; // one pushed chunk inflates to at most ~16 MiB before it is counted

export interface MetaGroup {
  /** Where the data set starts (the end of group 0002). */
  readonly end: number;
  readonly hasGroupLength: boolean;
  readonly transferSyntaxUid: string;
}

function unreadable(reason: string, file: string | undefined): ProblemError {
  return new ProblemError(
    'deid-unreadable',
    `This file could not be read as DICOM for de-identification: ${reason}`,
    file === undefined ? {} : { file },
  );
}

/** The file meta group, or a deid-unreadable ProblemError when it is not a Part 10 file. */
export function readMetaGroup(bytes: Uint8Array, file?: string): MetaGroup {
  const magic = String.fromCharCode(...bytes.subarray(128, META_START));
  if (bytes.length < META_START || magic !== 'DICM')
    throw unreadable('it has no 128-byte preamble and "DICM" (not a Part 10 file)', file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = META_START;
  let hasGroupLength = false;
  let transferSyntaxUid = '';
  while (at + 8 <= bytes.length && view.getUint16(at, true) === 0x0002) {
    const element = view.getUint16(at + 2, true);
    const vr = String.fromCharCode(bytes[at + 4], bytes[at + 5]);
    const long = longLengthVRs.has(vr);
    const header = long ? 12 : 8;
    if (at + header > bytes.length) break;
    const length = long ? view.getUint32(at + 8, true) : view.getUint16(at + 6, true);
    const valueAt = at + header;
    if (length > bytes.length - valueAt)
      throw unreadable('its file meta information runs past the end of the file', file);
    if (element === 0x0000) hasGroupLength = true;
    if (element === 0x0010)
      transferSyntaxUid = new TextDecoder('latin1')
        .decode(bytes.subarray(valueAt, valueAt + length))
        .replace(/[\0 ]+$/, '');
    at = valueAt + length;
  }
  return { end: at, hasGroupLength, transferSyntaxUid };
}

/** The bytes with a File Meta Information Group Length in front of the meta group, if missing. */
export function withGroupLength(bytes: Uint8Array, meta: MetaGroup): Uint8Array {
  if (meta.hasGroupLength) return bytes;
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, meta.end - META_START, true);
  return concatBytes([
    bytes.subarray(0, META_START),
    elementBytes(0x00020000, 'UL', length),
    bytes.subarray(META_START),
  ]);
}

/** Throws deid-too-large when the deflated data set after `start` inflates past `limit`. */
export function checkInflatedSize(
  bytes: Uint8Array,
  start: number,
  limit = MAX_INFLATED_BYTES,
  file?: string,
): void {
  let total = 0;
  let failed: string | undefined;
  const inflate = new Inflate((data) => {
    total += data.length;
  });
  try {
    for (let at = start; at < bytes.length && total <= limit; at += CHUNK)
      inflate.push(bytes.subarray(at, Math.min(at + CHUNK, bytes.length)), false);
  } catch (e) {
    failed = e instanceof Error ? e.message : String(e);
  }
  if (total > limit)
    throw new ProblemError(
      'deid-too-large',
      `The deflated data set inflates to more than ${limit} bytes; it is refused rather than read.`,
      file === undefined ? { limit } : { file, limit },
    );
  if (failed) throw unreadable(`its deflated data set is damaged (${failed})`, file);
}

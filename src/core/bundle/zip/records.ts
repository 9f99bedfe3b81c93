// The zip records a bundle is made of (PKWARE APPNOTE 4.3): the end of central directory record,
// the central directory's file headers, each member's local file header and data descriptor.
// Parsing only: every field is read bounds-checked, and a record that runs past the end of the
// file is NOT_A_ZIP. What the fields must say is decided in structure.ts and entryRules.ts.
import { reject } from '../types';

export const SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  descriptor: 0x08074b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

export const END_SIZE = 22;
export const CENTRAL_SIZE = 46;
export const LOCAL_SIZE = 30;
/** A data descriptor with its signature and 32-bit sizes; ZIP64 descriptors are refused. */
export const DESCRIPTOR_SIZE = 16;
const MAX_COMMENT = 0xffff;

export interface EndRecord {
  /** Where the record starts. */
  readonly at: number;
  readonly disk: number;
  readonly centralDisk: number;
  readonly entriesOnDisk: number;
  readonly entries: number;
  readonly centralSize: number;
  readonly centralOffset: number;
  readonly comment: Uint8Array;
}

export interface CentralEntry {
  /** Where the record starts. */
  readonly at: number;
  readonly madeBy: number;
  /** "Version needed to extract": 10 × major + minor. */
  readonly versionNeeded: number;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly nameBytes: Uint8Array;
  readonly extra: Uint8Array;
  readonly comment: Uint8Array;
  readonly disk: number;
  readonly externalAttributes: number;
  readonly localOffset: number;
}

export interface LocalHeader {
  readonly versionNeeded: number;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly nameBytes: Uint8Array;
  readonly extra: Uint8Array;
  /** The first byte of the member's data. */
  readonly dataStart: number;
}

export interface Descriptor {
  readonly signature: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
}

/** Little-endian reads that refuse to leave the file. */
export class ZipBytes {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  fits(at: number, length: number): boolean {
    return at >= 0 && length >= 0 && at + length <= this.bytes.length;
  }
  need(at: number, length: number, what: string): void {
    if (!this.fits(at, length))
      reject(
        'NOT_A_ZIP',
        `The zip archive is truncated or damaged: its ${what} runs past the end.`,
      );
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  slice(at: number, length: number): Uint8Array {
    return this.bytes.subarray(at, at + length);
  }
  /** The first position in [from, to) where the 4-byte little-endian `signature` starts, or -1. */
  find(signature: number, from: number, to: number): number {
    for (let i = Math.max(0, from); i + 4 <= Math.min(to, this.bytes.length); i++)
      if (this.u32(i) === signature) return i;
    return -1;
  }
}

/**
 * The end record that every backward-scanning reader finds first: the last end signature within
 * reach of the end (a comment is at most 65535 bytes). Whether it really ends the file is for the
 * caller to judge.
 */
export function findEndRecord(zip: ZipBytes): EndRecord {
  let at = -1;
  const lowest = Math.max(0, zip.length - END_SIZE - MAX_COMMENT);
  for (let i = zip.length - END_SIZE; i >= lowest; i--) {
    if (zip.u32(i) === SIGNATURE.end) {
      at = i;
      break;
    }
  }
  if (at < 0)
    reject(
      'NOT_A_ZIP',
      'The file is not a zip archive: it has no end of central directory record.',
    );
  const commentLength = zip.u16(at + 20);
  zip.need(at + END_SIZE, commentLength, 'archive comment');
  return {
    at,
    disk: zip.u16(at + 4),
    centralDisk: zip.u16(at + 6),
    entriesOnDisk: zip.u16(at + 8),
    entries: zip.u16(at + 10),
    centralSize: zip.u32(at + 12),
    centralOffset: zip.u32(at + 16),
    comment: zip.slice(at + END_SIZE, commentLength),
  };
}

/** One central directory file header at `at`, or undefined when no such header starts there. */
export function readCentralEntry(zip: ZipBytes, at: number): CentralEntry | undefined {
  if (!zip.fits(at, CENTRAL_SIZE) || zip.u32(at) !== SIGNATURE.central) return undefined;
  const nameLength = zip.u16(at + 28);
  const extraLength = zip.u16(at + 30);
  const commentLength = zip.u16(at + 32);
  zip.need(at + CENTRAL_SIZE, nameLength + extraLength + commentLength, 'central directory');
  const name = at + CENTRAL_SIZE;
  return {
    at,
    madeBy: zip.u16(at + 4),
    versionNeeded: zip.u16(at + 6),
    flags: zip.u16(at + 8),
    method: zip.u16(at + 10),
    crc: zip.u32(at + 16),
    compressedSize: zip.u32(at + 20),
    size: zip.u32(at + 24),
    nameBytes: zip.slice(name, nameLength),
    extra: zip.slice(name + nameLength, extraLength),
    comment: zip.slice(name + nameLength + extraLength, commentLength),
    disk: zip.u16(at + 34),
    externalAttributes: zip.u32(at + 38),
    localOffset: zip.u32(at + 42),
  };
}

/** The length of a central directory file header as stored. */
export function centralLength(e: CentralEntry): number {
  return CENTRAL_SIZE + e.nameBytes.length + e.extra.length + e.comment.length;
}

/** The local file header at `at`, or undefined when no such header starts there. */
export function readLocalHeader(zip: ZipBytes, at: number): LocalHeader | undefined {
  if (!zip.fits(at, LOCAL_SIZE) || zip.u32(at) !== SIGNATURE.local) return undefined;
  const nameLength = zip.u16(at + 26);
  const extraLength = zip.u16(at + 28);
  zip.need(at + LOCAL_SIZE, nameLength + extraLength, 'local file header');
  return {
    versionNeeded: zip.u16(at + 4),
    flags: zip.u16(at + 6),
    method: zip.u16(at + 8),
    crc: zip.u32(at + 14),
    compressedSize: zip.u32(at + 18),
    size: zip.u32(at + 22),
    nameBytes: zip.slice(at + LOCAL_SIZE, nameLength),
    extra: zip.slice(at + LOCAL_SIZE + nameLength, extraLength),
    dataStart: at + LOCAL_SIZE + nameLength + extraLength,
  };
}

/** The 16 bytes after a member's data, read as a data descriptor (signature first). */
export function readDescriptor(zip: ZipBytes, at: number): Descriptor {
  zip.need(at, DESCRIPTOR_SIZE, 'data descriptor');
  return {
    signature: zip.u32(at),
    crc: zip.u32(at + 4),
    compressedSize: zip.u32(at + 8),
    size: zip.u32(at + 12),
  };
}

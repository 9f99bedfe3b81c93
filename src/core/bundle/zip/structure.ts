// The zip's layout, read strictly: one end record that ends the file, one central directory that
// ends where the end record starts, and file entries that tile everything before it, each where
// the central directory says and saying what it says. Then no reader, whether it follows the
// central directory (Python, unzip, 7-Zip) or streams the local headers (Java's ZipInputStream,
// fflate's Unzip), can find a member, a byte or a name the others do not.
import type { ImportLimits } from '../limits';
import { reject } from '../types';
import {
  DEFLATED,
  DESCRIPTOR_FLAG,
  STORED,
  checkExtra,
  checkFlags,
  checkKind,
  checkMethod,
  checkVersionNeeded,
} from './entryRules';
import { checkName, checkUnique, decodeName } from './names';
import {
  DESCRIPTOR_SIZE,
  END_SIZE,
  SIGNATURE,
  centralLength,
  findEndRecord,
  readCentralEntry,
  readDescriptor,
  readLocalHeader,
  type CentralEntry,
  type EndRecord,
  type ZipBytes,
} from './records';

export interface Member {
  readonly name: string;
  readonly entry: CentralEntry;
  /** Where the member's (compressed) data starts, per its local header. */
  readonly dataStart: number;
}

/**
 * Bytes in [from, to) that no member, central directory or end record claims, named for what
 * they look like: another end record, a file entry the directory does not list, or anything else.
 */
function rejectStray(zip: ZipBytes, from: number, to: number): never {
  const where = `${to - from} bytes at byte ${from}`;
  if (
    zip.find(SIGNATURE.end, from, to) >= 0 ||
    zip.find(SIGNATURE.zip64End, from, to) >= 0 ||
    zip.find(SIGNATURE.zip64Locator, from, to) >= 0
  )
    reject(
      'ZIP_MULTIPLE_END_RECORDS',
      `The zip has more than one end record (${where} hold another); readers would pick different ones and list different members.`,
    );
  if (zip.find(SIGNATURE.local, from, to) >= 0)
    reject(
      'ZIP_UNLISTED_ENTRY',
      `The zip holds a file entry that its central directory does not list (${where}); other zip readers may extract it instead of the listed one.`,
    );
  return reject(
    'ZIP_STRAY_BYTES',
    `The zip has ${where} that belong to no member; a bundle's zip holds nothing but its members.`,
  );
}

function endRecord(zip: ZipBytes, limits: ImportLimits): EndRecord {
  const end = findEndRecord(zip);
  const fileEnd = end.at + END_SIZE + end.comment.length;
  if (fileEnd < zip.length) rejectStray(zip, fileEnd, zip.length);
  // Scanners that need only the 4 signature bytes would stop inside the comment.
  if (zip.find(SIGNATURE.end, end.at + 4, zip.length) >= 0)
    reject(
      'ZIP_MULTIPLE_END_RECORDS',
      'The zip comment holds a second end record; readers would pick different ones.',
    );
  const zip64 =
    end.entries === 0xffff ||
    end.entriesOnDisk === 0xffff ||
    end.centralSize === 0xffffffff ||
    end.centralOffset === 0xffffffff ||
    (end.at >= 20 && zip.u32(end.at - 20) === SIGNATURE.zip64Locator);
  if (zip64)
    reject(
      'ZIP_UNSUPPORTED',
      'The zip uses ZIP64 records, which a bundle never needs and not every reader follows.',
    );
  if (end.disk !== 0 || end.centralDisk !== 0 || end.entries !== end.entriesOnDisk)
    reject('ZIP_UNSUPPORTED', 'The zip claims to span several disks.');
  if (end.entries > limits.maxMembers)
    reject(
      'TOO_MANY_MEMBERS',
      `The bundle has ${end.entries} members; at most ${limits.maxMembers} are accepted.`,
    );
  const centralEnd = end.centralOffset + end.centralSize;
  if (centralEnd > end.at)
    reject('NOT_A_ZIP', 'The zip is damaged: its central directory runs into its end record.');
  if (centralEnd < end.at) rejectStray(zip, centralEnd, end.at);
  return end;
}

/** The central directory: exactly the entries the end record counts, filling its stated size. */
function readDirectory(
  zip: ZipBytes,
  limits: ImportLimits,
): { readonly end: EndRecord; readonly entries: readonly CentralEntry[] } {
  const end = endRecord(zip, limits);
  const entries: CentralEntry[] = [];
  let at = end.centralOffset;
  for (let i = 0; i < end.entries; i++) {
    const entry = readCentralEntry(zip, at);
    if (!entry || at + centralLength(entry) > end.at)
      reject(
        'NOT_A_ZIP',
        `The zip is damaged: its central directory holds fewer entries than its end record counts (${end.entries}).`,
      );
    entries.push(entry);
    at += centralLength(entry);
  }
  if (at !== end.at) {
    if (readCentralEntry(zip, at))
      reject(
        'ZIP_MISMATCH',
        `The zip's central directory lists more members than its end record counts (${end.entries}); readers would list different members.`,
      );
    rejectStray(zip, at, end.at);
  }
  return { end, entries };
}

/** What each central directory entry says on its own, and that the names are distinct. */
function checkEntries(entries: readonly CentralEntry[], limits: ImportLimits): Member[] {
  const members: Member[] = [];
  let total = 0;
  for (const entry of entries) {
    const name = decodeName(entry.nameBytes, entry.flags);
    checkName(name);
    checkKind(entry.externalAttributes, name);
    checkMethod(entry.method, name);
    checkVersionNeeded(entry.versionNeeded, name);
    checkFlags(entry.flags, entry.method, name);
    checkExtra(entry.extra, name, 'central directory');
    if (entry.disk !== 0)
      reject('ZIP_UNSUPPORTED', 'The member claims to be on another disk.', name);
    if (entry.method === STORED && entry.compressedSize !== entry.size)
      reject(
        'ZIP_SIZE_MISMATCH',
        `The member is stored uncompressed, yet its compressed size (${entry.compressedSize}) differs from its size (${entry.size}).`,
        name,
      );
    if (entry.method === DEFLATED && entry.compressedSize < 2)
      reject('ZIP_CORRUPT', 'The member is deflated but has no deflate data.', name);
    if (entry.size > limits.maxMemberBytes)
      reject(
        'MEMBER_TOO_LARGE',
        `The member declares ${entry.size} bytes; at most ${limits.maxMemberBytes} are accepted.`,
        name,
      );
    total += entry.size;
    if (total > limits.maxTotalBytes)
      reject(
        'TOTAL_TOO_LARGE',
        `The members declare more than ${limits.maxTotalBytes} bytes in all.`,
      );
    members.push({ name, entry, dataStart: -1 });
  }
  checkUnique(members.map((m) => m.name));
  return members;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function mismatch(what: string, name: string): never {
  return reject(
    'ZIP_MISMATCH',
    `The member's local file header and the zip's central directory disagree on its ${what}; zip readers would extract different data.`,
    name,
  );
}

/**
 * Each member's local header where the central directory says, agreeing with it; the members'
 * entries (header, data, data descriptor) follow one another from byte 0 to the central directory
 * with nothing between, over or after them.
 */
function checkLayout(zip: ZipBytes, members: readonly Member[], centralStart: number): Member[] {
  const byOffset = [...members].sort((a, b) => a.entry.localOffset - b.entry.localOffset);
  const placed = new Map<Member, Member>();
  let cursor = 0;
  let previous: string | undefined;
  for (const m of byOffset) {
    const { entry, name } = m;
    const at = entry.localOffset;
    if (at < cursor || at >= centralStart)
      reject(
        'ZIP_OVERLAP',
        `The member's data overlaps ${at >= centralStart ? "the zip's central directory" : `the member "${previous ?? ''}"`}; readers would extract shared bytes differently.`,
        name,
      );
    if (at > cursor) rejectStray(zip, cursor, at);
    const local = readLocalHeader(zip, at);
    if (!local)
      reject(
        'ZIP_MISMATCH',
        `The zip's central directory places the member at byte ${at}, where no file entry starts.`,
        name,
      );
    if (!sameBytes(local.nameBytes, entry.nameBytes)) mismatch('name', name);
    if (local.method !== entry.method) mismatch('compression method', name);
    if (local.flags !== entry.flags) mismatch('general-purpose flags', name);
    if (local.versionNeeded !== entry.versionNeeded) mismatch('version needed to extract', name);
    checkExtra(local.extra, name, 'local header');
    const local3 = [local.crc, local.compressedSize, local.size];
    const central3 = [entry.crc, entry.compressedSize, entry.size];
    const deferred = (entry.flags & DESCRIPTOR_FLAG) !== 0;
    // With a data descriptor the local header may leave CRC and sizes at zero, and only then.
    if (!sameFields(local3, central3) && !(deferred && local3.every((v) => v === 0)))
      mismatch('CRC or sizes', name);
    const dataEnd = local.dataStart + entry.compressedSize;
    const end = dataEnd + (deferred ? DESCRIPTOR_SIZE : 0);
    if (end > centralStart)
      reject(
        'ZIP_OVERLAP',
        "The member's data overlaps the zip's central directory; readers would extract shared bytes differently.",
        name,
      );
    if (deferred) {
      const d = readDescriptor(zip, dataEnd);
      if (d.signature !== SIGNATURE.descriptor)
        reject(
          'ZIP_UNSUPPORTED',
          "The member's data descriptor has no signature; readers would look for its end in different places.",
          name,
        );
      if (!sameFields([d.crc, d.compressedSize, d.size], central3))
        mismatch('CRC or sizes (in the data descriptor)', name);
    }
    placed.set(m, { name, entry, dataStart: local.dataStart });
    cursor = end;
    previous = name;
  }
  if (cursor < centralStart) rejectStray(zip, cursor, centralStart);
  return members.map((m) => placed.get(m) as Member);
}

function sameFields(a: readonly number[], b: readonly number[]): boolean {
  return a.every((v, i) => v === b[i]);
}

/**
 * The members of a zip in central directory order, each with where its data starts, after every
 * structural check; or the first reason the zip could be read two ways.
 */
export function readMembers(zip: ZipBytes, limits: ImportLimits): Member[] {
  const { end, entries } = readDirectory(zip, limits);
  return checkLayout(zip, checkEntries(entries, limits), end.centralOffset);
}

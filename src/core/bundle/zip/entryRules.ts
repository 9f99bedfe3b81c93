// What one member's central directory record may say: only what every zip reader understands
// alike. Anything else (encryption, ZIP64, a second name in an extra field, links, folders) is
// refused rather than interpreted, since readers interpret it differently or not at all.
import { reject } from '../types';
import { UTF8_FLAG } from './names';

export const DESCRIPTOR_FLAG = 0x0008;
const ENCRYPTED_FLAGS = 0x0001 | 0x0040; // traditional and strong encryption
/** Deflate's speed hint (bits 1-2), the data descriptor, UTF-8 names. */
const KNOWN_FLAGS = 0x0006 | DESCRIPTOR_FLAG | UTF8_FLAG;

export const STORED = 0;
export const DEFLATED = 8;

/** General-purpose flags: no encryption, nothing a reader might not know. */
export function checkFlags(flags: number, method: number, name: string): void {
  if (flags & ENCRYPTED_FLAGS)
    reject('ZIP_ENCRYPTED', 'The member is encrypted inside the zip; bundles never are.', name);
  if (flags & ~KNOWN_FLAGS || (method === STORED && flags & 0x0006))
    reject(
      'ZIP_UNSUPPORTED',
      `The member uses zip options (general-purpose flags 0x${flags.toString(16)}) that not every zip reader understands.`,
      name,
    );
  if (method === STORED && flags & DESCRIPTOR_FLAG)
    reject(
      'ZIP_UNSUPPORTED',
      'The member is stored with its size given only after its data; streaming zip readers cannot tell where it ends.',
      name,
    );
}

/** Deflate without ZIP64 needs version 2.0; a reader refuses (Python) or skips (unzip) more. */
const MAX_VERSION_NEEDED = 20;

export function checkVersionNeeded(versionNeeded: number, name: string): void {
  if ((versionNeeded & 0xff) > MAX_VERSION_NEEDED)
    reject(
      'ZIP_UNSUPPORTED',
      `The member needs zip version ${(versionNeeded & 0xff) / 10} to extract; readers that know only 2.0 skip or refuse it.`,
      name,
    );
}

export function checkMethod(method: number, name: string): void {
  if (method !== STORED && method !== DEFLATED)
    reject(
      'UNSUPPORTED_COMPRESSION',
      `The member uses zip compression method ${method}; only stored and deflate are accepted.`,
      name,
    );
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const DOS_VOLUME = 0x08;
const DOS_DIRECTORY = 0x10;
const DOS_DEVICE = 0x40;
const WINDOWS_REPARSE_POINT = 0x400; // how Windows tools mark a symbolic link

/**
 * A member must be a plain file. The Unix mode in the high 16 bits of the external attributes is
 * honoured by unzip, bsdtar and others whatever the "made by" system says, so its file type must
 * be a regular file or absent; the MS-DOS attributes in the low bits must not mark a folder,
 * volume label, device or link.
 */
export function checkKind(externalAttributes: number, name: string): void {
  const type = (externalAttributes >>> 16) & S_IFMT;
  if (type === S_IFLNK || externalAttributes & WINDOWS_REPARSE_POINT)
    reject(
      'ZIP_SYMLINK',
      'The member is a symbolic link; extracting it could make a link to any file on the machine.',
      name,
    );
  if (name.endsWith('/') || type === S_IFDIR || externalAttributes & DOS_DIRECTORY)
    reject('ZIP_DIRECTORY', 'The member is a folder; a bundle holds files only.', name);
  if ((type !== 0 && type !== S_IFREG) || externalAttributes & (DOS_VOLUME | DOS_DEVICE))
    reject(
      'ZIP_NOT_REGULAR',
      `The member is not a plain file (its zip attributes say file type 0o${type.toString(8)}).`,
      name,
    );
}

// Extra fields that only carry times or owner ids. Anything else may change what a reader
// extracts: ZIP64 sizes (0x0001), a second Unicode name (0x7075), a link target (0x000d, 0x756e),
// encryption (0x9901)...
const HARMLESS_EXTRA = new Set([0x000a, 0x5455, 0x5855, 0x7875]);

const EXTRA_MEANING: Record<number, string> = {
  0x0001: 'ZIP64 sizes',
  0x000d: 'a Unix link target',
  0x7075: 'a second, Unicode name',
  0x756e: 'a Unix mode and link target',
  0x9901: 'AES encryption',
};

/** The extra field must be well formed and hold only harmless records, each once. */
export function checkExtra(
  extra: Uint8Array,
  name: string,
  where: 'central directory' | 'local header',
): void {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  const seen = new Set<number>();
  for (let at = 0; at < extra.length;) {
    if (at + 4 > extra.length || at + 4 + view.getUint16(at + 2, true) > extra.length)
      reject('ZIP_UNSUPPORTED', `The member's extra field in its ${where} is malformed.`, name);
    const id = view.getUint16(at, true);
    if (!HARMLESS_EXTRA.has(id) || seen.has(id))
      reject(
        'ZIP_UNSUPPORTED',
        `The member's ${where} carries ${seen.has(id) ? 'a repeated' : 'an'} extra field 0x${id.toString(16).padStart(4, '0')}${EXTRA_MEANING[id] ? ` (${EXTRA_MEANING[id]})` : ''} that zip readers treat differently.`,
        name,
      );
    seen.add(id);
    at += 4 + view.getUint16(at + 2, true);
  }
}

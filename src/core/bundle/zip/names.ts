// Member names as every reader decodes them, and the key under which two names are "the same" to
// some file system or tool: two members may not share one.
import { unsafeNameReason } from '../memberName';
import { reject } from '../types';

export const UTF8_FLAG = 0x0800;

// ignoreBOM keeps a leading U+FEFF in the name, as other readers do, instead of dropping it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The name of a member. A name not flagged UTF-8 is decoded as CP437 by some readers and as UTF-8
 * or the local code page by others, so it must be plain ASCII, on which they all agree.
 */
export function decodeName(bytes: Uint8Array, flags: number): string {
  if (flags & UTF8_FLAG) {
    try {
      return utf8.decode(bytes);
    } catch {
      return reject(
        'UNSAFE_MEMBER_NAME',
        'A member name is unsafe: it is marked UTF-8 but is not valid UTF-8.',
        lossy.decode(bytes),
      );
    }
  }
  if (bytes.some((b) => b >= 0x80))
    reject(
      'UNSAFE_MEMBER_NAME',
      'A member name is unsafe: it has non-ASCII characters but is not marked UTF-8, so zip readers decode it differently.',
      lossy.decode(bytes),
    );
  return lossy.decode(bytes); // ASCII: the same in every decoding
}

/** Rejects a name that would escape a folder or name a folder rather than a file. */
export function checkName(name: string): void {
  const unsafe = unsafeNameReason(name);
  if (unsafe) reject('UNSAFE_MEMBER_NAME', `A member name is unsafe: ${unsafe}.`, name);
}

/**
 * Two names with the same key are the same file somewhere: on a case-insensitive or
 * Unicode-normalising file system (Windows, macOS), for a tool that takes `\` as a separator,
 * drops `./` and empty segments, or (Windows) trailing dots and spaces.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => segment.replace(/[. ]+$/, (tail) => (tail === segment ? tail : '')))
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC');
}

/** Rejects the first name that repeats another exactly or under nameKey. */
export function checkUnique(names: readonly string[]): void {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = nameKey(name);
    const earlier = byKey.get(key);
    if (earlier === name)
      reject('DUPLICATE_MEMBER', 'The bundle holds two members with the same name.', name);
    if (earlier !== undefined)
      reject(
        'ZIP_DUPLICATE_NAME',
        `The bundle holds two members whose names are the same file on some systems ("${earlier}" and "${name}": letter case, Unicode form or path separators differ); a reader would keep only one of them.`,
        name,
      );
    byKey.set(key, name);
  }
}

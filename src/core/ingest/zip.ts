// Zip archives are opened where the files are parsed (a worker), one member at a time.
import { unzipSync } from 'fflate';
import { isIgnoredPath } from './ignoredPath.ts';

export interface NamedBytes {
  /** The archive's name, a slash, then the member's path inside it. */
  name: string;
  bytes: Uint8Array;
}

/** True for a zip local-file header ("PK\3\4"), or an empty archive ("PK\5\6"). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/** The archive's files (folders and OS clutter left out), named under the archive's own name. */
export function unzipMembers(archiveName: string, bytes: Uint8Array): NamedBytes[] {
  const members = unzipSync(bytes, {
    filter: (f) => !f.name.endsWith('/') && !isIgnoredPath(f.name),
  });
  return Object.entries(members).map(([path, data]) => ({
    name: `${archiveName}/${path}`,
    bytes: data,
  }));
}

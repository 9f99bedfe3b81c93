import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import type { ImportLimits } from './limits';
import { unsafeNameReason } from './memberName';
import { reject } from './types';

const CHUNK = 16 * 1024; // one pushed chunk can inflate to at most ~16 MiB before we count it

interface Declared {
  readonly name: string;
  readonly originalSize: number;
  readonly compression: number;
}

function centralDirectory(zip: Uint8Array): Declared[] {
  const entries: Declared[] = [];
  try {
    // The filter sees every central-directory entry and, returning false, inflates nothing.
    unzipSync(zip, {
      filter: (f) => {
        entries.push({ name: f.name, originalSize: f.originalSize, compression: f.compression });
        return false;
      },
    });
  } catch (err) {
    reject('NOT_A_ZIP', `The file is not a readable zip archive (${(err as Error).message}).`);
  }
  return entries;
}

function checkDeclared(entries: readonly Declared[], limits: ImportLimits): void {
  if (entries.length > limits.maxMembers)
    reject(
      'TOO_MANY_MEMBERS',
      `The bundle has ${entries.length} members; at most ${limits.maxMembers} are accepted.`,
    );
  const seen = new Set<string>();
  let total = 0;
  for (const e of entries) {
    const unsafe = unsafeNameReason(e.name);
    if (unsafe) reject('UNSAFE_MEMBER_NAME', `A member name is unsafe: ${unsafe}.`, e.name);
    if (seen.has(e.name))
      reject('DUPLICATE_MEMBER', 'The bundle holds two members with the same name.', e.name);
    seen.add(e.name);
    if (e.compression !== 0 && e.compression !== 8)
      reject(
        'UNSUPPORTED_COMPRESSION',
        `The member uses zip compression method ${e.compression}; only stored and deflate are accepted.`,
        e.name,
      );
    if (e.originalSize > limits.maxMemberBytes)
      reject(
        'MEMBER_TOO_LARGE',
        `The member declares ${e.originalSize} bytes; at most ${limits.maxMemberBytes} are accepted.`,
        e.name,
      );
    total += e.originalSize;
    if (total > limits.maxTotalBytes)
      reject(
        'TOTAL_TOO_LARGE',
        `The members declare more than ${limits.maxTotalBytes} bytes in all.`,
      );
  }
}

/** Inflates members while counting real output, stopping at the first limit crossed. */
function inflateCounted(zip: Uint8Array, limits: ImportLimits): Map<string, Uint8Array> {
  const members = new Map<string, Uint8Array>();
  let total = 0;
  let failure: (() => never) | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = () =>
          reject('NOT_A_ZIP', `A member could not be inflated (${err.message}).`, file.name);
        return;
      }
      size += data.length;
      total += data.length;
      if (size > limits.maxMemberBytes)
        failure = () =>
          reject(
            'MEMBER_TOO_LARGE',
            `The member inflates past ${limits.maxMemberBytes} bytes.`,
            file.name,
          );
      else if (total > limits.maxTotalBytes)
        failure = () =>
          reject(
            'TOTAL_TOO_LARGE',
            `The members inflate past ${limits.maxTotalBytes} bytes in all.`,
          );
      if (failure) return file.terminate();
      chunks.push(data);
      if (final) members.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < zip.length && !failure; i += CHUNK)
      unzip.push(zip.subarray(i, i + CHUNK), i + CHUNK >= zip.length);
  } catch (err) {
    reject('NOT_A_ZIP', `The zip archive is damaged (${(err as Error).message}).`);
  }
  if (failure) failure();
  return members;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Read a zip from an untrusted source: declared sizes first, then actual sizes while inflating. */
export function readZipSafely(zip: Uint8Array, limits: ImportLimits): Map<string, Uint8Array> {
  if (zip.length > limits.maxBundleBytes)
    reject(
      'TOO_LARGE',
      `The bundle is ${zip.length} bytes; at most ${limits.maxBundleBytes} are accepted.`,
    );
  const declared = centralDirectory(zip);
  checkDeclared(declared, limits);
  const members = inflateCounted(zip, limits);
  // Local headers must tell the same story as the central directory; zip tools disagree otherwise.
  const names = declared.map((d) => d.name).sort();
  const found = [...members.keys()].sort();
  if (names.join('\n') !== found.join('\n'))
    reject(
      'ZIP_INCONSISTENT',
      'The zip central directory and its file entries list different members.',
    );
  return members;
}

// The inputs of every command that takes <files|dirs…>, read the way the workbench's ingest
// reads dropped files: folders recursively in name order, OS clutter (.DS_Store, __MACOSX, …)
// skipped, and a zip archive's members as inputs of their own, named "archive.zip/member".
// Files are read one at a time as the caller asks for them, so memory holds one file (or one
// archive's members) at once, whatever the size of the cohort.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isIgnoredPath } from '../../core/ingest/ignoredPath.ts';
import { isZip, unzipMembers } from '../../core/ingest/zip.ts';
import { fail, ok, ProblemError, type Result } from '../../core/result.ts';

export interface InputFile {
  /** The path as given or found, or "archive.zip/member" for a zip member. */
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Where the bytes can be read again (a file, or a member of a zip archive), so a caller may
   * index the inputs first and re-read one series at a time; absent for inputs that cannot be
   * re-read (the caller then keeps the bytes). */
  readonly source?: FileSource;
}

export interface FileSource {
  readonly path: string;
  /** The member's name as InputFile.file gives it ("archive.zip/member"). */
  readonly member?: string;
}

function why(e: unknown): string {
  const code = e && typeof e === 'object' && 'code' in e ? e.code : undefined;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

function readFailed(file: string, reason: string): Result<never> {
  return fail('read-failed', reason, { file });
}

/** Paths of the files under `path` (itself, if a file), depth first in name order. */
async function* filesUnder(path: string): AsyncGenerator<Result<string>> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (e) {
    yield readFailed(path, why(e));
    return;
  }
  if (!isFolder) {
    yield ok(path);
    return;
  }
  let names: string[];
  try {
    names = (await readdir(path)).sort();
  } catch (e) {
    yield readFailed(path, `the folder cannot be listed (${why(e)})`);
    return;
  }
  // Judged by the name alone: a folder the user named explicitly is never skipped.
  for (const name of names) if (!isIgnoredPath(name)) yield* filesUnder(join(path, name));
}

/** Each input file's bytes, or a read-failed Problem naming the file; the walk goes on. */
export async function* walkInputs(paths: readonly string[]): AsyncGenerator<Result<InputFile>> {
  for (const path of paths) {
    if (path.startsWith('dicomweb:')) {
      // --dicomweb URL …, folded into this path by main.ts; loaded only when used.
      const { dicomwebInputs, dicomwebPathSource } = await import('./dicomwebInputs.ts');
      yield* dicomwebInputs(dicomwebPathSource(path));
      continue;
    }
    for await (const found of filesUnder(path)) {
      if (!found.ok) {
        yield found;
        continue;
      }
      const file = found.value;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (e) {
        yield readFailed(file, `the file cannot be read (${why(e)})`);
        continue;
      }
      if (!isZip(bytes)) {
        yield ok({ file, bytes, source: { path: file } });
        continue;
      }
      let members;
      try {
        members = unzipMembers(file, bytes);
      } catch (e) {
        yield readFailed(file, `the zip archive is damaged (${why(e)})`);
        continue;
      }
      // Handed out and dropped one by one, so a consumer that frees what it read frees memory.
      for (let m = members.shift(); m; m = members.shift())
        yield ok({ file: m.name, bytes: m.bytes, source: { path: file, member: m.name } });
    }
  }
}

/** The bytes of inputs that `walkInputs` found, read again: each zip archive is opened once. */
export async function readSources(sources: readonly FileSource[]): Promise<Uint8Array[]> {
  const archives = new Map<string, Map<string, Uint8Array>>();
  const out: Uint8Array[] = [];
  for (const { path, member } of sources) {
    try {
      if (member === undefined) {
        out.push(new Uint8Array(await readFile(path)));
        continue;
      }
      let members = archives.get(path);
      if (!members) {
        members = new Map(
          unzipMembers(path, new Uint8Array(await readFile(path))).map((m) => [m.name, m.bytes]),
        );
        archives.set(path, members);
      }
      const bytes = members.get(member);
      if (!bytes) throw new Error('the archive no longer holds it');
      out.push(bytes);
    } catch (e) {
      const file = member ?? path;
      throw new ProblemError('read-failed', `the file cannot be read again (${why(e)})`, { file });
    }
  }
  return out;
}

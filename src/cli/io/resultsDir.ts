// A results folder: one JSON file per series, named by a content key, written to a temporary name
// and renamed, so a crash never leaves a partial record and a resumed run (or another machine)
// knows what is done by the name alone.
//
//   <dir>/run.json              the command and its settings (a resume with other settings stops)
//   <dir>/series/<key>.json     {"key","series","records":[…]}: one series' records
//   <dir>/<command>.jsonl       every record in input order, written when the run completes
//
// key = sha256(command, settings hash, series key) (contentKey): the same series under the same
// settings is the same file wherever it was computed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProblemError } from '../../core/result.ts';

/** JSON with object keys sorted, so equal settings hash alike whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function settingsHash(settings: unknown): string {
  return createHash('sha256').update(canonicalJson(settings)).digest('hex').slice(0, 16);
}

export function contentKey(command: string, settings: string, seriesKey: string): string {
  return createHash('sha256')
    .update(`${command}\0${settings}\0${seriesKey}`)
    .digest('hex')
    .slice(0, 32);
}

/** A name beside `path` to write it under before renaming it there (this process's own, so two
 * writers never share one): readers of `path` see all of it or nothing. */
export function partialPath(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Writes `data` beside `path` and renames it there: readers see all of it or nothing. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const partial = partialPath(path);
  try {
    await writeFile(partial, data);
    await rename(partial, path);
  } finally {
    await rm(partial, { force: true });
  }
}

/** Beside series/: a queued series its workers gave up on (cohort/failureRecord.ts). */
export const failedFolder = 'failed';

export interface SeriesRecordFile<R = unknown> {
  readonly key: string;
  readonly series: string;
  readonly records: R[];
}

export class ResultsDir {
  private constructor(
    readonly dir: string,
    readonly command: string,
    readonly settingsHash: string,
  ) {}

  /** Opens (creating) `dir` for `command` with `settings`; a folder holding a run of other
   * settings is refused, since mixing them would merge unlike results. */
  static async open(dir: string, command: string, settings: unknown): Promise<ResultsDir> {
    const hash = settingsHash(settings);
    await mkdir(join(dir, 'series'), { recursive: true });
    const runFile = join(dir, 'run.json');
    const existing = await readFile(runFile, 'utf8').then(
      (t) => JSON.parse(t) as { command?: string; settingsHash?: string },
      () => null,
    );
    if (existing && (existing.command !== command || existing.settingsHash !== hash))
      throw new ProblemError(
        'results-mismatch',
        `${dir} holds the results of another run (${existing.command}, settings ${existing.settingsHash}); name another folder`,
        { file: dir },
      );
    if (!existing)
      await writeAtomic(
        runFile,
        JSON.stringify({ command, settingsHash: hash, settings }, null, 2) + '\n',
      );
    return new ResultsDir(dir, command, hash);
  }

  keyOf(seriesKey: string): string {
    return contentKey(this.command, this.settingsHash, seriesKey);
  }

  pathOf(key: string): string {
    return join(this.dir, 'series', `${key}.json`);
  }

  /** The stored text of a series' records, or null when it has none (or an unreadable one). */
  async read(key: string): Promise<string | null> {
    try {
      const text = await readFile(this.pathOf(key), 'utf8');
      JSON.parse(text);
      return text;
    } catch {
      return null;
    }
  }

  async write(key: string, text: string): Promise<void> {
    await writeAtomic(this.pathOf(key), text);
    // Computed after all (a cohort's worker had given up on it): its failure no longer stands.
    await rm(join(this.dir, failedFolder, `${key}.json`), { force: true });
  }
}

/** The one text a series' records are stored as (and read back from, so a fresh and a resumed run
 * hand on the very same values). */
export function seriesRecordText<R>(key: string, series: string, records: R[]): string {
  return JSON.stringify({ key, series, records } satisfies SeriesRecordFile<R>) + '\n';
}

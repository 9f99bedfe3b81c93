// A features run's compacted Parquet (parquet.ts) for `consilium serve`: written when missing or
// older than the run's series folder (a record added since renames into it, which moves the
// folder's mtime), once at a time per run however many pages ask.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFeaturesParquet } from './parquet.ts';

const writing = new Map<string, Promise<string>>();

const mtimeOf = (path: string) =>
  stat(path).then(
    (s) => s.mtimeMs,
    () => null,
  );

async function fresh(dir: string): Promise<string> {
  const path = join(dir, 'features.parquet');
  const [written, series] = await Promise.all([mtimeOf(path), mtimeOf(join(dir, 'series'))]);
  if (written === null || series === null || written < series)
    await writeFeaturesParquet(dir, path);
  return path;
}

/** <dir>/features.parquet, up to date with <dir>/series; its path. A page asking while it is
 * written gets the same file. */
export function runParquet(dir: string): Promise<string> {
  const pending = writing.get(dir);
  if (pending) return pending;
  const job = fresh(dir).finally(() => writing.delete(dir));
  writing.set(dir, job);
  return job;
}

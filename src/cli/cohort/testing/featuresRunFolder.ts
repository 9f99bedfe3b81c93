// A features run folder as `consilium features --out` starts one (series/ and run.json), and the
// series record files its workers write into it, for tests and benches that need a run without
// computing one.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seriesRecordFile } from './seriesRecordFile.ts';

export async function writeFeaturesRunFolder(dir: string, settingsHash: string): Promise<void> {
  await mkdir(join(dir, 'series'), { recursive: true });
  await writeFile(
    join(dir, 'run.json'),
    JSON.stringify({ command: 'features', settingsHash, settings: {} }),
  );
}

/** Writes series/<key>.json of the run folder `dir`: seriesRecordFile's one record of `values`. */
export async function writeSeriesRecord(
  dir: string,
  key: string,
  series: string,
  values: number[],
  file?: string,
): Promise<void> {
  await writeFile(join(dir, 'series', `${key}.json`), seriesRecordFile(key, series, values, file));
}

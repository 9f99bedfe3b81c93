import { demoWorker } from '../services/workers.ts';
import { loadFiles } from './loadFiles.ts';

/** Generates the synthetic CT phantom in a worker and loads it like dropped files. */
export async function openDemo(): Promise<void> {
  const files = await demoWorker.call(undefined, (api) =>
    api.demoSeries({ slices: 40, size: 256 }),
  );
  await loadFiles(files.map((f) => ({ file: `demo/${f.name}`, blob: f.blob })));
}

import { demoWorker } from '../services/workers.ts';
import { loadFiles } from './loadFiles.ts';

/** Generates the synthetic CT phantom in a worker and loads it like dropped files. */
export async function openDemo(): Promise<void> {
  const r = await demoWorker.call(undefined, 'demoSeries', { slices: 40, size: 256 });
  if (!r.ok) throw new Error(r.error.reason);
  await loadFiles(r.value.map((f) => ({ file: `demo/${f.name}`, blob: f.blob })));
}

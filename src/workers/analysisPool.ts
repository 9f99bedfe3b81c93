// The analysis workers: one per core, since feature jobs are CPU-bound and independent.
// Aborting a run's signal terminates the workers busy with it (see WorkerBridge).
import type { AnalysisApi } from './analysis.worker.ts';
import { WorkerBridge } from './bridge.ts';
import { WorkerPool } from './pool.ts';

const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;

export const analysisPool = new WorkerPool<AnalysisApi>(
  () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }),
  cores,
  60_000,
);

/** The edge overlay has its own worker, so it keeps up with scrolling while a run is busy. */
export const edgeWorker = new WorkerBridge<AnalysisApi>(
  () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }),
  60_000,
);

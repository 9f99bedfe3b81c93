// Every worker the page starts is created here, so one file tells which threads exist.
// Vite bundles each worker script from its URL.
import type { AnalysisApi } from '../../workers/analysis.worker.ts';
import type { BundleApi } from '../../workers/bundle.worker.ts';
import type { DecodeApi } from '../../workers/decode.worker.ts';
import type { DemoApi } from '../../workers/demo.worker.ts';
import type { FilterApi } from '../../workers/filter.worker.ts';
import type { GpuSelftestApi } from '../../workers/gpuSelftest.worker.ts';
import type { InferenceApi } from '../../workers/inference.worker.ts';
import type { IngestApi } from '../../workers/ingest.worker.ts';
import type { PacsSeriesApi } from '../../workers/pacsSeries.worker.ts';
import type { ParquetApi } from '../../workers/parquet.worker.ts';
import type { ReportApi } from '../../workers/report.worker.ts';
import type { TrainingApi } from '../../workers/training.worker.ts';
import { WorkerBridge } from './bridge.ts';
import { BudgetPool } from './budgetPool.ts';
import { WorkerPool, workerCount } from './pool.ts';

const module = { type: 'module' } as const;
const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;

export const ingestPool = new WorkerPool<IngestApi>(
  () => new Worker(new URL('../../workers/ingest.worker.ts', import.meta.url), module),
  workerCount(4),
);

/** A frame whose decode runs past this is abandoned (its worker stopped) with a clear Problem:
 * a WASM codec spinning on a damaged frame must not hold a decode worker for minutes. A
 * 2000 × 2128 lossless JPEG 2000 frame took 3–4 s on a 2-core machine at load average 20, so
 * the largest valid frames stay well inside it. */
export const DECODE_BUDGET_MS = budgetFromUrl() ?? 30_000;

/** `?decodeBudgetMs=N` shortens the budget, so a test can watch a decode being abandoned. */
function budgetFromUrl(): number | undefined {
  if (typeof location === 'undefined') return undefined;
  const ms = Number(new URLSearchParams(location.search).get('decodeBudgetMs'));
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

export const decodePool = new BudgetPool<DecodeApi>(
  () => new Worker(new URL('../../workers/decode.worker.ts', import.meta.url), module),
  workerCount(4),
  DECODE_BUDGET_MS,
  120_000,
);

/** A PACS series' one answer, read and cut into instances off the page (openPacsStudy.ts);
 * aborting the call (Cancel) terminates it, which ends its request. */
export const pacsSeriesWorker = new WorkerBridge<PacsSeriesApi>(
  () => new Worker(new URL('../../workers/pacsSeries.worker.ts', import.meta.url), module),
  30_000,
);

export const demoWorker = new WorkerBridge<DemoApi>(
  () => new Worker(new URL('../../workers/demo.worker.ts', import.meta.url), module),
  5_000,
);

const analysisScript = () =>
  new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), module);

/** The analysis workers: one per core, since feature jobs are CPU-bound and independent.
 * Aborting a run's signal terminates the workers busy with it (see WorkerBridge). */
export const analysisPool = new WorkerPool<AnalysisApi>(analysisScript, cores, 60_000);

/** The edge overlay has its own worker, so it keeps up with scrolling while a run is busy. */
export const edgeWorker = new WorkerBridge<AnalysisApi>(analysisScript, 60_000);

/** IBSI 2 filters: response maps for the overlay and filtered-image features; its own worker, so
 * a long 3D filter neither waits for nor holds up feature runs and edges. */
export const filterWorker = new WorkerBridge<FilterApi>(
  () => new Worker(new URL('../../workers/filter.worker.ts', import.meta.url), module),
  60_000,
);

/** Building, verifying and comparing bundles; stops after a minute idle. */
export const bundleWorker = new WorkerBridge<BundleApi>(
  () => new Worker(new URL('../../workers/bundle.worker.ts', import.meta.url), module),
  60_000,
);

/** A cohort run's Parquet results (Cohort tab), decoded off the page; stops after a minute idle. */
export const parquetWorker = new WorkerBridge<ParquetApi>(
  () => new Worker(new URL('../../workers/parquet.worker.ts', import.meta.url), module),
  60_000,
);

/** The reports stored back on a PACS (Bundles tab); stops after a minute idle. */
export const reportWorker = new WorkerBridge<ReportApi>(
  () => new Worker(new URL('../../workers/report.worker.ts', import.meta.url), module),
  60_000,
);

const inferenceScript = () =>
  new Worker(new URL('../../workers/inference.worker.ts', import.meta.url), module);

/** The default model's worker. */
export const inferenceWorker = new WorkerBridge<InferenceApi>(inferenceScript, 10 * 60_000);

/** "Classify all" in the Cases tab: its own inference workers, each with the model loaded once. */
export function cohortInferenceWorkers(count: number): WorkerBridge<InferenceApi>[] {
  return Array.from(
    { length: count },
    () => new WorkerBridge<InferenceApi>(inferenceScript, 60_000),
  );
}

/** A second model for comparisons gets its own worker, so the default stays loaded beside it. */
export const comparisonWorker = new WorkerBridge<InferenceApi>(inferenceScript, 10 * 60_000);

/** A feature-vector model (Predictions tab) in its own worker, beside the default image model. */
export const featureModelWorker = new WorkerBridge<InferenceApi>(inferenceScript, 10 * 60_000);

/** Training a model on a study (Study view); cancelling terminates it mid-fold. */
export const trainingWorker = new WorkerBridge<TrainingApi>(
  () => new Worker(new URL('../../workers/training.worker.ts', import.meta.url), module),
  5 * 60_000,
);

/** The WebGPU self-test (?selftest=webgpu only): GPU and CPU kernels side by side. */
export const gpuSelftestWorker = new WorkerBridge<GpuSelftestApi>(
  () => new Worker(new URL('../../workers/gpuSelftest.worker.ts', import.meta.url), module),
  60_000,
);

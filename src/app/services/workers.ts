// The app's worker pools. Vite bundles each worker script from its URL.
import type { DecodeApi } from '../../workers/decode.worker.ts';
import type { DemoApi } from '../../workers/demo.worker.ts';
import type { IngestApi } from '../../workers/ingest.worker.ts';
import { WorkerBridge } from '../../workers/bridge.ts';
import { WorkerPool, workerCount } from '../../workers/pool.ts';

export const ingestPool = new WorkerPool<IngestApi>(
  () => new Worker(new URL('../../workers/ingest.worker.ts', import.meta.url), { type: 'module' }),
  workerCount(4),
);

export const decodePool = new WorkerPool<DecodeApi>(
  () => new Worker(new URL('../../workers/decode.worker.ts', import.meta.url), { type: 'module' }),
  workerCount(4),
  120_000,
);

export const demoWorker = new WorkerBridge<DemoApi>(
  () => new Worker(new URL('../../workers/demo.worker.ts', import.meta.url), { type: 'module' }),
  5_000,
);

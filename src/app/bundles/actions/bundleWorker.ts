// One bridge to the bundle worker; it stops after a minute idle and restarts on the next call.
import type { BundleApi } from '../../../workers/bundle.worker.ts';
import { WorkerBridge } from '../../../workers/bridge.ts';

export const bundleWorker = new WorkerBridge<BundleApi>(
  () =>
    new Worker(new URL('../../../workers/bundle.worker.ts', import.meta.url), { type: 'module' }),
  60_000,
);

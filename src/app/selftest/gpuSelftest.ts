// ?selftest=webgpu puts window.consiliumGpuSelftest(size) on the page, for the end-to-end parity
// test and the GPU benchmark: it runs GPU and CPU kernels in a worker and returns the report.
import type { ParityReport } from '../../core/analysis/gpu/gpuParity.ts';
import type { ComputedOn } from '../../core/analysis/gpu/gpuChoice.ts';
import { gpuSelftestWorker } from '../services/workers.ts';

declare global {
  interface Window {
    /** The report, or a rejection whose message is the worker's reason (e.g. "no GPU"). */
    consiliumGpuSelftest?: (
      size: number,
      runs?: number,
    ) => Promise<{ on: ComputedOn; report: ParityReport }>;
  }
}

export function installGpuSelftest(): void {
  window.consiliumGpuSelftest = async (size, runs) => {
    const r = await gpuSelftestWorker.call(undefined, 'run', size, runs);
    if (!r.ok) throw new Error(r.error.reason);
    return r.value;
  };
}

// The WebGPU self-test (loaded only with ?selftest=webgpu): GPU and CPU kernels on the same
// deterministic image, in a worker like real jobs, so the page never computes.
import * as Comlink from 'comlink';
import { gpuParity, type ParityReport } from '../core/analysis/gpu/gpuParity.ts';
import { attempt, ProblemError, type Result } from '../core/result.ts';
import { gpuFor, setGpuSource, type ComputedOn } from '../core/analysis/gpu/gpuChoice.ts';
import type { Gpu } from '../core/analysis/gpu/webgpu.ts';

setGpuSource(() => (navigator as unknown as { gpu?: Gpu }).gpu);

const api = {
  run(size: number, runs = 3): Promise<Result<{ on: ComputedOn; report: ParityReport }>> {
    return attempt(async () => {
      const { gpu, on } = await gpuFor('gpu');
      if (!gpu) throw new ProblemError('no-gpu', 'no GPU');
      return { on, report: await gpuParity(gpu, size, () => performance.now(), runs) };
    }, 'selftest-failed');
  },
};

export type GpuSelftestApi = typeof api;
Comlink.expose(api);

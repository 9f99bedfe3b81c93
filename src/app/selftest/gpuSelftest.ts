// ?selftest=webgpu puts window.consiliumGpuSelftest(size) on the page, for the end-to-end parity
// test and the GPU benchmark: it runs GPU and CPU kernels in a worker and returns the report.
import * as Comlink from 'comlink';
import type { GpuSelftestApi } from '../../workers/gpuSelftest.worker.ts';

declare global {
  interface Window {
    consiliumGpuSelftest?: GpuSelftestApi['run'];
  }
}

export function installGpuSelftest(): void {
  const worker = new Worker(new URL('../../workers/gpuSelftest.worker.ts', import.meta.url), {
    type: 'module',
  });
  const remote = Comlink.wrap<GpuSelftestApi>(worker);
  window.consiliumGpuSelftest = (size, runs) => remote.run(size, runs);
}

// Where an analysis job computes: the GPU (WebGPU, when the browser gives an adapter) or the
// CPU. One device per worker, requested on first use; a lost device is dropped, so the next job
// asks again and, failing that, runs on the CPU.
import { gpuKernels, type GpuKernels } from './gpuKernels.ts';
import { adapterName, isSoftwareAdapter } from './softwareAdapter.ts';
import type { Gpu } from './webgpu.ts';
import { ProblemError } from '../../result.ts';

/** The user's choice in the Analysis tab. */
export type ComputeOn = 'auto' | 'gpu' | 'cpu';

/** What a job ran on, and why the GPU was not used when it was asked for. */
export interface ComputedOn {
  device: 'GPU' | 'CPU';
  /** The adapter's description when on the GPU, the reason for the CPU otherwise. */
  note: string;
}

interface Held {
  kernels: GpuKernels;
  adapter: string;
  software: boolean;
}

let held: Promise<Held | string> | null = null;
// Where WebGPU comes from: set by the worker that hosts the kernels (core has no navigator).
let gpuSource: () => Gpu | undefined = () => undefined;

/** Tells core where this thread's WebGPU is, e.g. `() => navigator.gpu` in a browser worker. */
export function setGpuSource(source: () => Gpu | undefined): void {
  gpuSource = source;
  held = null;
}

async function acquire(): Promise<Held | string> {
  const gpu = gpuSource();
  if (!gpu) return 'this browser has no WebGPU';
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return 'no WebGPU adapter';
  // The largest storage buffers the adapter allows: a 3D GLCM stack or a 2048² image needs more
  // than the 128 MiB default.
  const device = await adapter.requestDevice({
    requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize },
  });
  void device.lost.then((info) => {
    console.warn(`WebGPU device lost (${info.reason}): ${info.message}`);
    held = null;
  });
  const name = adapterName(adapter.info);
  const software = isSoftwareAdapter(adapter.info);
  return { kernels: gpuKernels(device), adapter: name || 'WebGPU adapter', software };
}

/** The GPU kernels for this choice, or null and the reason the CPU runs instead. */
export async function gpuFor(
  choice: ComputeOn,
): Promise<{ gpu: GpuKernels | null; on: ComputedOn }> {
  if (choice === 'cpu') return { gpu: null, on: { device: 'CPU', note: 'CPU chosen' } };
  held ??= acquire().catch((e: unknown) => `WebGPU device failed: ${String(e)}`);
  const h = await held;
  if (typeof h === 'string') {
    held = null;
    if (choice === 'gpu') throw new ProblemError('no-gpu', `GPU chosen, but ${h}`);
    return { gpu: null, on: { device: 'CPU', note: h } };
  }
  // A software rasteriser gives the same results far slower than the CPU kernels (5-40x on
  // SwiftShader): Auto keeps to the CPU there, an explicit GPU choice still uses it.
  if (h.software && choice === 'auto')
    return { gpu: null, on: { device: 'CPU', note: `${h.adapter} is a software adapter` } };
  return { gpu: h.kernels, on: { device: 'GPU', note: h.adapter } };
}

/**
 * Runs onGpu when a GPU is there, else onCpu; a GPU failure in 'auto' falls back to the CPU
 * (and says so), in 'gpu' it is the job's error.
 */
export async function onGpuOrCpu<T>(
  choice: ComputeOn,
  onGpu: (gpu: GpuKernels) => Promise<T>,
  onCpu: () => T,
): Promise<{ value: T; on: ComputedOn }> {
  const { gpu, on } = await gpuFor(choice);
  if (!gpu) return { value: onCpu(), on };
  try {
    return { value: await onGpu(gpu), on };
  } catch (e) {
    if (choice === 'gpu') throw new ProblemError('gpu-failed', `GPU run failed: ${String(e)}`);
    return { value: onCpu(), on: { device: 'CPU', note: `GPU failed: ${String(e)}` } };
  }
}

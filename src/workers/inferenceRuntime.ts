// onnxruntime-web, set up once per worker: its WASM (the JSEP build, which carries both the
// WebGPU and the WASM execution providers) is served from our own origin by Vite, never a CDN.
import * as ort from 'onnxruntime-web';
import jsepWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import { isSoftwareAdapter } from '../core/analysis/gpu/softwareAdapter.ts';
import type { OrtLike } from '../core/inference/ort.ts';

export type ExecutionProvider = 'webgpu' | 'wasm';

let configuredThreads: number | null = null;

/**
 * Threads need SharedArrayBuffer, which only a cross-origin-isolated page has. onnxruntime-web
 * reads these settings once, when its WASM starts, so later calls return the first choice
 * (a different thread count needs a fresh worker).
 */
export function configureWasm(numThreads?: number): number {
  if (configuredThreads !== null) return configuredThreads;
  const isolated = self.crossOriginIsolated === true;
  const threads = isolated ? (numThreads ?? Math.min(4, navigator.hardwareConcurrency || 1)) : 1;
  ort.env.wasm.wasmPaths = { wasm: new URL(jsepWasmUrl, self.location.href).href };
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.simd = true;
  configuredThreads = threads;
  return threads;
}

/**
 * WebGPU when the browser gives a hardware adapter, else WASM: the same rule as analysis
 * (core/analysis/gpu/softwareAdapter.ts), so 'auto' never runs on a software adapter; asking for
 * WebGPU explicitly still uses one.
 */
export async function pickProvider(
  preferred: ExecutionProvider | 'auto',
): Promise<ExecutionProvider> {
  if (preferred === 'wasm') return 'wasm';
  // TypeScript's libs have no WebGPU yet; these are the members used.
  type GpuNavigator = {
    gpu?: { requestAdapter(): Promise<{ info?: Parameters<typeof isSoftwareAdapter>[0] } | null> };
  };
  const gpu = (navigator as typeof navigator & GpuNavigator).gpu;
  const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
  if (adapter && (preferred === 'webgpu' || !isSoftwareAdapter(adapter.info))) return 'webgpu';
  if (adapter) return 'wasm';
  if (preferred === 'webgpu') throw new Error('this browser offers no WebGPU adapter');
  return 'wasm';
}

export const ortWeb = ort as unknown as OrtLike;

// The few WebGPU types and constants the GPU kernels use. Core has no DOM lib and TypeScript's
// libs carry no WebGPU, so they are declared here as plain module types (no globals, so nothing
// clashes if a full typing package is added later). A browser's GPUDevice fits these shapes.

/* eslint-disable @typescript-eslint/no-empty-object-type */
export interface GpuShaderModule {}
export interface GpuBindGroupLayout {}
export interface GpuBindGroup {}
export interface GpuCommandBuffer {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

export interface GpuBuffer {
  readonly size: number;
  mapAsync(mode: number, offset?: number, size?: number): Promise<void>;
  getMappedRange(offset?: number, size?: number): ArrayBuffer;
  unmap(): void;
  destroy(): void;
}

export interface GpuComputePipeline {
  getBindGroupLayout(index: number): GpuBindGroupLayout;
}

export interface GpuComputePassEncoder {
  setPipeline(pipeline: GpuComputePipeline): void;
  setBindGroup(index: number, group: GpuBindGroup): void;
  dispatchWorkgroups(x: number, y?: number, z?: number): void;
  end(): void;
}

export interface GpuCommandEncoder {
  beginComputePass(): GpuComputePassEncoder;
  copyBufferToBuffer(
    src: GpuBuffer,
    srcOffset: number,
    dst: GpuBuffer,
    dstOffset: number,
    size: number,
  ): void;
  clearBuffer(buffer: GpuBuffer): void;
  finish(): GpuCommandBuffer;
}

export interface GpuQueue {
  writeBuffer(buffer: GpuBuffer, offset: number, data: ArrayBufferView): void;
  submit(commands: GpuCommandBuffer[]): void;
}

export interface GpuDevice {
  readonly limits: {
    readonly maxStorageBufferBindingSize: number;
    readonly maxComputeWorkgroupsPerDimension: number;
  };
  readonly queue: GpuQueue;
  readonly lost: Promise<{ reason: string; message: string }>;
  createBuffer(desc: { size: number; usage: number }): GpuBuffer;
  createShaderModule(desc: { code: string }): GpuShaderModule;
  createComputePipeline(desc: {
    layout: 'auto';
    compute: { module: GpuShaderModule; entryPoint: string };
  }): GpuComputePipeline;
  createBindGroup(desc: {
    layout: GpuBindGroupLayout;
    entries: { binding: number; resource: { buffer: GpuBuffer } }[];
  }): GpuBindGroup;
  createCommandEncoder(): GpuCommandEncoder;
  pushErrorScope(filter: 'validation' | 'out-of-memory' | 'internal'): void;
  popErrorScope(): Promise<{ message: string } | null>;
  destroy(): void;
}

export interface GpuAdapter {
  readonly info?: {
    vendor: string;
    architecture: string;
    device: string;
    description: string;
    /** A software adapter (e.g. SwiftShader): correct, but slower than the CPU kernels. */
    isFallbackAdapter?: boolean;
  };
  readonly limits: GpuDevice['limits'];
  requestDevice(desc?: { requiredLimits?: Record<string, number> }): Promise<GpuDevice>;
}

/** navigator.gpu, in a page or a worker. */
export interface Gpu {
  requestAdapter(options?: {
    powerPreference?: 'low-power' | 'high-performance';
  }): Promise<GpuAdapter | null>;
}

/** GPUBufferUsage and GPUMapMode flags (fixed by the WebGPU specification). */
export const BufferUsage = {
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
} as const;
export const MapModeRead = 0x0001;

// A small runner over one GPUDevice: compiles each WGSL kernel once, uploads typed arrays,
// dispatches and reads results back. Errors the device reports (validation, out of memory)
// reject the call, so the caller can fall back to the CPU.
import {
  BufferUsage,
  MapModeRead,
  type GpuBuffer,
  type GpuComputePipeline,
  type GpuDevice,
} from './webgpu';

export type KernelName = 'gaussian' | 'sobel' | 'nms' | 'glcm';

export interface Dispatch {
  kernel: KernelName;
  /** Buffers in binding order (binding 0 first). */
  buffers: GpuBuffer[];
  groups: [x: number, y?: number];
}

export class GpuRunner {
  private readonly pipelines = new Map<KernelName, GpuComputePipeline>();

  constructor(
    readonly device: GpuDevice,
    private readonly sources: Record<KernelName, string>,
  ) {}

  /** Runs fn with a scope whose buffers are destroyed when it settles. */
  async scoped<T>(fn: (scope: GpuScope) => Promise<T>): Promise<T> {
    const scope = new GpuScope(this);
    try {
      return await fn(scope);
    } finally {
      scope.dispose();
    }
  }

  pipeline(kernel: KernelName): GpuComputePipeline {
    let p = this.pipelines.get(kernel);
    if (!p) {
      const module = this.device.createShaderModule({ code: this.sources[kernel] });
      p = this.device.createComputePipeline({
        layout: 'auto',
        compute: { module, entryPoint: 'main' },
      });
      this.pipelines.set(kernel, p);
    }
    return p;
  }
}

/** Buffers of one call: each one made here is destroyed by dispose(). */
export class GpuScope {
  private readonly buffers: GpuBuffer[] = [];

  constructor(private readonly runner: GpuRunner) {}

  private own(desc: { size: number; usage: number }): GpuBuffer {
    const b = this.runner.device.createBuffer(desc);
    this.buffers.push(b);
    return b;
  }

  dispose(): void {
    for (const b of this.buffers) b.destroy();
    this.buffers.length = 0;
  }

  /** A storage buffer holding data (or zeroed, of byteLength bytes). */
  storage(data: ArrayBufferView | number): GpuBuffer {
    const size = typeof data === 'number' ? data : data.byteLength;
    if (size > this.runner.device.limits.maxStorageBufferBindingSize)
      throw new Error(`a ${size}-byte buffer exceeds this GPU's storage binding limit`);
    // WebGPU sizes are multiples of 4 and at least 4.
    const buffer = this.own({
      size: Math.max(4, Math.ceil(size / 4) * 4),
      usage: BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC,
    });
    if (typeof data !== 'number') this.runner.device.queue.writeBuffer(buffer, 0, data);
    return buffer;
  }

  /** A 16-byte uniform of four 32-bit words (u32 or f32 as the shader's struct says). */
  uniform(words: ArrayBufferView): GpuBuffer {
    const buffer = this.own({
      size: Math.max(16, words.byteLength),
      usage: BufferUsage.UNIFORM | BufferUsage.COPY_DST,
    });
    this.runner.device.queue.writeBuffer(buffer, 0, words);
    return buffer;
  }

  /** Runs the dispatches in order in one submission, then copies the listed buffers back. */
  async run(dispatches: Dispatch[], readBack: GpuBuffer[]): Promise<ArrayBuffer[]> {
    const { device } = this.runner;
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const encoder = device.createCommandEncoder();
    for (const d of dispatches) {
      const pipeline = this.runner.pipeline(d.kernel);
      const group = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: d.buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
      });
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, group);
      pass.dispatchWorkgroups(d.groups[0], d.groups[1] ?? 1);
      pass.end();
    }
    const staging = readBack.map((src) => {
      const dst = device.createBuffer({
        size: src.size,
        usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST,
      });
      encoder.copyBufferToBuffer(src, 0, dst, 0, src.size);
      return dst;
    });
    device.queue.submit([encoder.finish()]);
    const validation = await device.popErrorScope();
    const memory = await device.popErrorScope();
    const error = validation ?? memory;
    if (error) {
      staging.forEach((b) => b.destroy());
      throw new Error(`WebGPU: ${error.message}`);
    }
    return Promise.all(
      staging.map(async (b) => {
        await b.mapAsync(MapModeRead);
        const copy = b.getMappedRange().slice(0);
        b.unmap();
        b.destroy();
        return copy;
      }),
    );
  }
}

/** Workgroups of 16x16 covering a w x h image. */
export function imageGroups(w: number, h: number): [number, number] {
  return [Math.ceil(w / 16), Math.ceil(h / 16)];
}

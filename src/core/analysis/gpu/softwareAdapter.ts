// Which WebGPU adapters are software rasterisers. They give the same results far slower than
// the CPU kernels or WASM (5-40x for analysis on SwiftShader; an occlusion map 15-18 s instead
// of 0.4 s), so 'auto' keeps to the CPU/WASM there, for analysis and inference alike; an
// explicit GPU choice still uses them.

export interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** The adapter's vendor, architecture and description, as one line. */
export function adapterName(info: AdapterInfo | undefined): string {
  return info ? [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') : '';
}

export function isSoftwareAdapter(info: AdapterInfo | undefined): boolean {
  return info?.isFallbackAdapter === true || /swiftshader/i.test(adapterName(info));
}

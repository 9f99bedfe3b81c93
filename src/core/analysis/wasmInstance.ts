// Instantiating the analysis kernels' small WebAssembly modules synchronously, once each.
// Core's globals declare no WebAssembly API (no DOM lib), so the part used here is typed locally.

interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

export interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

const compiled = new WeakMap<Uint8Array, object | null>();

function webAssembly(): WebAssemblyApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;
}

/**
 * A new instance's exports, or null where WebAssembly (or a feature the module uses, such as
 * SIMD) is missing. A module that imports its memory gets it in imports (e.g.
 * `{ env: { memory } }`); the others have their own. Each module compiles once; modules under
 * 4 KB compile synchronously even on a browser's main thread.
 */
export function instantiateSync<T>(bytes: Uint8Array, imports: object = {}): T | null {
  const wa = webAssembly();
  let module = compiled.get(bytes);
  if (module === undefined) {
    module = wa && wa.validate(bytes) ? new wa.Module(bytes) : null;
    compiled.set(bytes, module);
  }
  return wa && module ? (new wa.Instance(module, imports).exports as T) : null;
}

/** A new WebAssembly.Memory of `pages` 64 KiB pages, or null without WebAssembly. */
export function newWasmMemory(pages = 1): WasmMemory | null {
  const wa = webAssembly();
  return wa ? new wa.Memory({ initial: pages }) : null;
}

/** Grows memory to hold at least `bytes`; views taken before a grow are detached. */
export function reserveBytes(memory: WasmMemory, bytes: number): void {
  const need = bytes - memory.buffer.byteLength;
  if (need > 0) memory.grow(Math.ceil(need / 65536));
}

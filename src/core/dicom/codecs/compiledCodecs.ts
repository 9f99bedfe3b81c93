// A codec's WebAssembly compiled once per thread, and ahead of its first frame where the host can:
// compiling OpenJPEG or OpenJPH took 200-250 ms of a fresh worker's first decode in Chromium
// (bench/codecWarm.bench.ts). The host (the decode worker) installs a compiler; a frame then
// instantiates the compiled module instead of having Emscripten fetch and compile its .wasm, and
// a compile started ahead is the one a frame waits on, never a second. Without a compiler (the
// CLI, tests) or when the compile failed, Emscripten loads the .wasm itself as before.
import { type CodecWasm, emscriptenOptions } from './wasmLocator.ts';

/** A compiled module (core has no WebAssembly types): instantiating it with Emscripten's
 * imports gives the instance. */
export interface CompiledCodec {
  instantiate(imports: object): Promise<object>;
}

export type CodecCompiler = (codec: CodecWasm) => Promise<CompiledCodec>;

let compiler: CodecCompiler | undefined;
const compiled = new Map<CodecWasm, Promise<CompiledCodec | undefined>>();

/** Installs the host's compiler (undefined: none); forgets modules compiled by the last one. */
export function setCodecCompiler(next: CodecCompiler | undefined): void {
  compiler = next;
  compiled.clear();
}

/** Starts compiling a codec unless it was started already; true once it is compiled, false when
 * there is no compiler or the compile failed (the frame's own load then reports why). */
export function compileCodec(codec: CodecWasm): Promise<boolean> {
  let module = compiled.get(codec);
  if (!module) {
    if (!compiler) return Promise.resolve(false);
    module = compiler(codec).catch(() => undefined);
    compiled.set(codec, module);
  }
  return module.then((m) => m !== undefined);
}

/** True when a compile of this codec was started (done or not). */
export function compileStarted(codec: CodecWasm): boolean {
  return compiled.has(codec);
}

/** Loads a codec's Emscripten module: from its compiled module when there is one, else as
 * Emscripten does by itself. */
export async function loadCodec<M>(
  codec: CodecWasm,
  factory: (options: EmscriptenOptions) => Promise<M>,
): Promise<M> {
  const base = emscriptenOptions(codec);
  if (!(await compileCodec(codec))) return factory(base);
  const module = (await compiled.get(codec))!;
  // Emscripten's hook returns {} and hands the instance over once there; it has no way to say
  // the instantiation failed (out of memory), so that failure ends the load here instead.
  let failed: (e: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => (failed = reject));
  const loaded = factory({
    ...base,
    instantiateWasm: (imports, receive) => {
      module.instantiate(imports).then(receive, failed);
      return {};
    },
  });
  return Promise.race([loaded, failure]);
}

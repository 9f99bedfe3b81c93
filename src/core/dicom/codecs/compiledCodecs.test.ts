// A codec compiled ahead (as the decode worker does when the page warms it) is the module a frame
// instantiates: compiled once per thread, whoever asks first, with the same pixels as Emscripten's
// own load; a failed compile falls back to that load, a failed instantiation fails the frame.
// Real codecs: the compiler here compiles the packages' own .wasm files with Node's WebAssembly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeJpeg2000, encodeJpegLs } from '../testing/encodeFrames.ts';
import { encapsulatedInstance } from '../testing/encapsulatedInstance.ts';
import type { CompiledCodec } from './compiledCodecs.ts';
import type { CodecWasm } from './wasmLocator.ts';

// Core's tsconfig has no WebAssembly types; Node has the global.
interface Wasm {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

const require = createRequire(import.meta.url);
const wasmFiles: Partial<Record<CodecWasm, string>> = {
  charls: '@cornerstonejs/codec-charls/decodewasm',
  openjpeg: '@cornerstonejs/codec-openjpeg/decodewasm',
};

const JPEG_LS = '1.2.840.10008.1.2.4.80';
const JPEG_2000 = '1.2.840.10008.1.2.4.90';
const width = 64;
const height = 48;
const pixels = new Uint16Array(width * height).map((_, i) => (i * 37) % 4096);

/** Counts compiles and instantiations per codec. */
function countingCompiler(fail: { compile?: boolean; instantiate?: boolean } = {}) {
  const compiles: CodecWasm[] = [];
  const instances: CodecWasm[] = [];
  const compile = async (codec: CodecWasm): Promise<CompiledCodec> => {
    compiles.push(codec);
    if (fail.compile) throw new Error('no such file');
    const module = await wasm.compile(readFileSync(require.resolve(wasmFiles[codec]!)));
    return {
      instantiate: async (imports) => {
        instances.push(codec);
        if (fail.instantiate) throw new Error('out of memory');
        return wasm.instantiate(module, imports);
      },
    };
  };
  return { compile, compiles, instances };
}

// Each test gets fresh codec modules: a codec's loaded module is kept for the thread's life.
let codecs: typeof import('./compiledCodecs.ts');
let decodeFrame: typeof import('../decode.ts').decodeFrame;
beforeEach(async () => {
  vi.resetModules();
  codecs = await import('./compiledCodecs.ts');
  ({ decodeFrame } = await import('../decode.ts'));
});

async function decodeAs(syntax: string, frame: Uint8Array) {
  const { bytes, meta } = encapsulatedInstance(syntax, frame, height, width);
  return decodeFrame(bytes, meta, 0);
}

describe('codecs compiled ahead', () => {
  it('a frame instantiates the module compiled ahead, and decodes the same pixels', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    const j2k = await encodeJpeg2000(pixels, width, height);
    const compiler = countingCompiler();
    codecs.setCodecCompiler(compiler.compile);
    expect(await codecs.compileCodec('charls')).toBe(true);
    expect(await codecs.compileCodec('openjpeg')).toBe(true);
    expect(codecs.compileStarted('charls')).toBe(true);
    expect(compiler.instances).toEqual([]); // compiled, not instantiated, until a frame needs it

    expect(Array.from((await decodeAs(JPEG_LS, jls)).values)).toEqual(Array.from(pixels));
    expect(Array.from((await decodeAs(JPEG_2000, j2k)).values)).toEqual(Array.from(pixels));
    expect(Array.from((await decodeAs(JPEG_LS, jls)).values)).toEqual(Array.from(pixels));
    expect(compiler.compiles).toEqual(['charls', 'openjpeg']);
    expect(compiler.instances).toEqual(['charls', 'openjpeg']);
  });

  it('frames that arrive before the warm-up share one compile of their codec', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    const compiler = countingCompiler();
    codecs.setCodecCompiler(compiler.compile);
    const ahead = codecs.compileCodec('charls'); // the warm-up, still compiling
    const frames = await Promise.all([decodeAs(JPEG_LS, jls), decodeAs(JPEG_LS, jls)]);
    expect(await ahead).toBe(true);
    for (const f of frames) expect(Array.from(f.values)).toEqual(Array.from(pixels));
    expect(compiler.compiles).toEqual(['charls']);
    expect(compiler.instances).toEqual(['charls']);
  });

  it('a compile that fails leaves the frame to Emscripten, which loads the .wasm itself', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    const compiler = countingCompiler({ compile: true });
    codecs.setCodecCompiler(compiler.compile);
    expect(await codecs.compileCodec('charls')).toBe(false);
    expect(Array.from((await decodeAs(JPEG_LS, jls)).values)).toEqual(Array.from(pixels));
    expect(compiler.instances).toEqual([]);
  });

  it('an instantiation that fails fails the frame instead of leaving it waiting', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    codecs.setCodecCompiler(countingCompiler({ instantiate: true }).compile);
    await expect(decodeAs(JPEG_LS, jls)).rejects.toThrow(/out of memory/);
  });

  it('without a compiler nothing is compiled ahead', async () => {
    expect(await codecs.compileCodec('openjph')).toBe(false);
    expect(codecs.compileStarted('openjph')).toBe(false);
  });
});

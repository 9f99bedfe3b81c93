/** The WASM codec builds Consilium loads, named by their package. */
export type CodecWasm = 'libjpeg-turbo-8bit' | 'charls' | 'openjpeg' | 'openjph';

/** Where each codec's .wasm file is served from, e.g. a Vite `?url` import in a worker. */
export type WasmLocator = (codec: CodecWasm) => string;

let locator: WasmLocator | undefined;

/**
 * Browsers must say where the .wasm files are (the app's own origin, never a CDN); call this
 * once per worker before the first decode. Node needs nothing: Emscripten finds the file beside
 * its package's script.
 */
export function setCodecWasmLocator(next: WasmLocator): void {
  locator = next;
}

/** Emscripten module options for one codec. */
export function emscriptenOptions(codec: CodecWasm): {
  locateFile?: (path: string, prefix: string) => string;
  print: (text: string) => void;
  printErr: (text: string) => void;
} {
  // OpenJPEG logs every tile to stdout, which would corrupt `inspect --json`: keep codecs quiet.
  const quiet = { print: () => {}, printErr: () => {} };
  const find = locator;
  if (!find) return quiet;
  return { ...quiet, locateFile: (path) => (path.endsWith('.wasm') ? find(codec) : path) };
}

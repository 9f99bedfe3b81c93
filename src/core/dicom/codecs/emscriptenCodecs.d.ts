// The cornerstone codec packages ship Emscripten/embind builds without typings: these are the
// few members Consilium calls.
interface CodecFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned?: boolean;
}

interface EmbindDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): CodecFrameInfo;
  getDecodedBuffer(): Uint8Array;
  delete(): void;
}

interface EmscriptenOptions {
  locateFile?: (path: string, prefix: string) => string;
  wasmBinary?: ArrayBuffer | Uint8Array;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
  /** Instantiates the module itself (e.g. from one compiled ahead); returns {} when async. */
  instantiateWasm?: (imports: object, receive: (instance: object) => void) => object;
}

declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: (options?: EmscriptenOptions) => Promise<{ JPEGDecoder: new () => EmbindDecoder }>;
  export default factory;
}

declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  const factory: (
    options?: EmscriptenOptions,
  ) => Promise<{ JpegLSDecoder: new () => EmbindDecoder & { getNearLossless(): number } }>;
  export default factory;
}

declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: (options?: EmscriptenOptions) => Promise<{ J2KDecoder: new () => EmbindDecoder }>;
  export default factory;
}

declare module '@cornerstonejs/codec-openjph/wasmjs' {
  const factory: (options?: EmscriptenOptions) => Promise<{
    HTJ2KDecoder: new () => EmbindDecoder & {
      decodeSubResolution(level: number, layer: number): void;
    };
  }>;
  export default factory;
}

declare module 'jpeg-lossless-decoder-js' {
  export class Decoder {
    decode(
      buffer: ArrayBuffer,
      offset: number,
      length: number,
      numBytes: number,
    ): Uint8Array | Uint16Array;
  }
}

// The full builds also encode; only tests use them, to make codestreams of a known image.
interface EmbindEncoder {
  getDecodedBuffer(frameInfo: CodecFrameInfo): Uint8Array;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete(): void;
}

declare module '@cornerstonejs/codec-charls/wasmjs' {
  const factory: (
    options?: EmscriptenOptions,
  ) => Promise<{ JpegLSEncoder: new () => EmbindEncoder }>;
  export default factory;
}

declare module '@cornerstonejs/codec-openjpeg/wasmjs' {
  const factory: (options?: EmscriptenOptions) => Promise<{ J2KEncoder: new () => EmbindEncoder }>;
  export default factory;
}

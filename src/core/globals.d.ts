// The few platform globals core code may use. Core has no DOM (see tsconfig.json here):
// these exist in browsers, workers and Node alike.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): string;
  subtle: {
    digest(algorithm: string, data: ArrayBufferView | ArrayBuffer): Promise<ArrayBuffer>;
    importKey(...args: unknown[]): Promise<unknown>;
    sign(...args: unknown[]): Promise<ArrayBuffer>;
    verify(...args: unknown[]): Promise<boolean>;
  };
};
declare const console: {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};
declare function setTimeout(handler: () => void, timeoutMs?: number): number;
declare function clearTimeout(id: number | undefined): void;
declare function queueMicrotask(cb: () => void): void;
declare namespace WebAssembly {
  type Memory = unknown;
}

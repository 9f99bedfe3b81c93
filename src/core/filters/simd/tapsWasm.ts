// The taps kernel (taps.wat) and the one WebAssembly memory the filters run it in. A filter lays
// out its planes and tap tables at the start of each call (layout()), growing the memory when it
// needs more; it never shrinks, so a workbench tab keeps the largest workspace it has used (a few
// planes, tens of MB for a 512 × 512 series), never a volume.
import {
  instantiateSync,
  newWasmMemory,
  reserveBytes,
  type WasmMemory,
} from '../../analysis/wasmInstance.ts';
import { tapsWasmBytes } from './tapsWasmBytes.ts';

export interface TapsExports {
  taps(
    dst: number,
    n: number,
    base: number,
    offs: number,
    ws: number,
    m: number,
    add: number,
  ): void;
  rowTaps(
    src: number,
    dst: number,
    nx: number,
    ny: number,
    pad: number,
    map: number,
    padLen: number,
    before: number,
    offs: number,
    ws: number,
    m: number,
    add: number,
  ): void;
  lineAdd(acc: number, src: number, n: number, sign: number): void;
  lineOut(acc: number, dst: number, n: number, scale: number): void;
  boxLines(
    src: number,
    dst: number,
    acc: number,
    n: number,
    lines: number,
    map: number,
    support: number,
    lineBytes: number,
  ): void;
}

/** A table of taps in the memory: m byte offsets at offs and m f32 weights at ws. */
export interface TapTable {
  offs: number;
  ws: number;
  m: number;
}

export class TapsWorkspace {
  f32: Float32Array;
  i32: Int32Array;

  private constructor(
    readonly memory: WasmMemory,
    /** The module's functions (taps.wat says what each does). */
    readonly kernels: TapsExports,
  ) {
    this.f32 = new Float32Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
  }

  static create(): TapsWorkspace | null {
    const memory = newWasmMemory();
    if (!memory) return null;
    const wasm = instantiateSync<TapsExports>(tapsWasmBytes, { env: { memory } });
    return wasm ? new TapsWorkspace(memory, wasm) : null;
  }

  /** Byte offsets of blocks of these many floats (16-byte aligned), the memory grown to hold
   * them all; every earlier layout's blocks are given up. */
  layout(floats: readonly number[]): number[] {
    let top = 0;
    const at = floats.map((n) => {
      const p = top;
      top += Math.ceil(n / 4) * 16;
      return p;
    });
    reserveBytes(this.memory, top);
    if (this.f32.buffer !== this.memory.buffer) {
      this.f32 = new Float32Array(this.memory.buffer);
      this.i32 = new Int32Array(this.memory.buffer);
    }
    return at;
  }

  /** Writes a tap table at `at` (room for 2 · offs.length floats). */
  table(at: number, offs: ArrayLike<number>, ws: ArrayLike<number>, m = offs.length): TapTable {
    const t = { offs: at, ws: at + 4 * Math.max(m, 1), m };
    for (let u = 0; u < m; u++) {
      this.i32[(t.offs >> 2) + u] = offs[u];
      this.f32[(t.ws >> 2) + u] = ws[u];
    }
    return t;
  }

  /** dst[e] (+)= Σ_u ws[u] · f32 at (base + offs[u] + 4e), e < n. */
  taps(dst: number, n: number, base: number, t: TapTable, add: boolean): void {
    this.kernels.taps(dst, n, base, t.offs, t.ws, t.m, add ? 1 : 0);
  }
}

let shared: TapsWorkspace | null | undefined;
let enabled = true;

/** The filters' workspace, or null where WebAssembly SIMD is missing or switched off. */
export function tapsWorkspace(): TapsWorkspace | null {
  if (!enabled) return null;
  if (shared === undefined) shared = TapsWorkspace.create();
  return shared;
}

/** Off: every filter takes its plain reference path (the tests and the bench's before/after). */
export function useFilterSimd(on: boolean): void {
  enabled = on;
}

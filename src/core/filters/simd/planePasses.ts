// The three 1D passes of a separable filter, plane by plane, in the taps workspace. The volume
// is never copied whole: a ring holds the input planes the z kernels reach around the current
// plane (each input plane is copied in once), the z pass sums whole planes from it, then x and
// y passes run inside the plane. Peak memory is the caller's input and output plus a few planes.
// Boundaries are resolved once: a row is padded before the x taps run over it, and only the
// first and last rows of a y pass or planes of a z pass look their sources up.
import { sourceIndex } from '../boundary.ts';
import type { Kernel1d } from '../kernel.ts';
import type { Boundary } from '../types.ts';
import type { TapsWorkspace, TapTable } from './tapsWasm.ts';

/** The kernel's taps that are not zero (dilated wavelets are mostly zeros). */
export function nonZeroTaps(k: Kernel1d): { at: number[]; w: number[] } {
  const at: number[] = [];
  const w: number[] = [];
  k.taps.forEach((v, t) => {
    if (v !== 0) {
      at.push(t);
      w.push(v);
    }
  });
  return { at, w };
}

/** Floats a tap table of this kernel takes in the workspace. */
export function tableFloats(k: Kernel1d): number {
  return 2 * Math.max(1, k.taps.length);
}

/** Input planes around z: virtual positions z + lo … z + hi (before the boundary rule). */
export class PlaneRing {
  readonly lo: number;
  readonly hi: number;
  private readonly held: Int32Array;
  private readonly src: Int32Array;
  private readonly plane: number;

  constructor(
    private readonly ws: TapsWorkspace,
    /** The volume, or a function giving input plane s (x fastest). */
    private readonly values: Float32Array | ((s: number) => Float32Array),
    private readonly dims: readonly [number, number, number],
    kernels: readonly Kernel1d[],
    private readonly boundary: Boundary,
    /** Byte offsets of slots() planes. */
    private readonly slots: readonly number[],
    /** Room for the z pass's tap table (tableFloats of the longest kernel). */
    private readonly tableAt: number,
  ) {
    this.lo = Math.min(0, ...kernels.map((k) => k.origin - (k.taps.length - 1)));
    this.hi = Math.max(0, ...kernels.map((k) => k.origin));
    this.held = new Int32Array(slots.length).fill(-0x7fffffff);
    this.src = new Int32Array(slots.length);
    this.plane = dims[0] * dims[1];
  }

  static slotsFor(kernels: readonly Kernel1d[]): number {
    const lo = Math.min(0, ...kernels.map((k) => k.origin - (k.taps.length - 1)));
    const hi = Math.max(0, ...kernels.map((k) => k.origin));
    return hi - lo + 1;
  }

  private slot(p: number): number {
    const n = this.slots.length;
    return ((p % n) + n) % n;
  }

  /** Makes the ring hold the planes the kernels reach from plane z. */
  load(z: number): void {
    const nz = this.dims[2];
    for (let p = z + this.lo; p <= z + this.hi; p++) {
      const s = this.slot(p);
      if (this.held[s] === p) continue;
      const from = sourceIndex(p, nz, this.boundary);
      this.held[s] = p;
      this.src[s] = from;
      // a zero plane is skipped by the taps, never read
      if (from >= 0)
        this.ws.f32.set(
          typeof this.values === 'function'
            ? this.values(from)
            : this.values.subarray(from * this.plane, (from + 1) * this.plane),
          this.slots[s] >> 2,
        );
    }
  }

  /** Byte offset of the input plane z (held since load(z)). */
  at(z: number): number {
    return this.slots[this.slot(z)];
  }

  /** dst (+)= k along z at plane z. */
  zPass(z: number, k: Kernel1d, dst: number, add: boolean): void {
    const { at, w } = nonZeroTaps(k);
    const offs: number[] = [];
    const ws: number[] = [];
    at.forEach((t, u) => {
      const s = this.slot(z + k.origin - t);
      if (this.src[s] < 0) return;
      offs.push(this.slots[s]);
      ws.push(w[u]);
    });
    this.ws.taps(dst, this.plane, 0, this.ws.table(this.tableAt, offs, ws), add);
  }
}

/** A pass along x: the kernel's taps as shifts into a padded row, and how the row is padded
 * (the map of source indices, −1 for a zero), all in the workspace; rowTaps() pads each row and
 * runs the taps over it. */
export class RowPass {
  private readonly before: number;
  private readonly padLen: number;
  private readonly table: TapTable;
  private readonly map: number;

  constructor(
    private readonly ws: TapsWorkspace,
    private readonly nx: number,
    k: Kernel1d,
    boundary: Boundary,
    /** Byte offset of room for rowTableFloats(nx, k) floats. */
    tableAt: number,
    /** Byte offset of room for padFloats(nx, k) floats. */
    private readonly pad: number,
  ) {
    const len = k.taps.length;
    const lo = k.origin - (len - 1);
    this.before = -lo;
    this.padLen = nx + len - 1;
    // out[i] = Σ_t taps[t] · row[i + origin − t] = Σ_t taps[t] · pad[i + len − 1 − t]
    const { at, w } = nonZeroTaps(k);
    this.table = ws.table(
      tableAt,
      at.map((t) => 4 * (len - 1 - t)),
      w,
    );
    this.map = tableAt + 8 * len;
    for (let q = 0; q < this.padLen; q++)
      ws.i32[(this.map >> 2) + q] = sourceIndex(q + lo, nx, boundary);
  }

  static padFloats(nx: number, k: Kernel1d): number {
    return nx + k.taps.length - 1;
  }

  /** Floats of the table and the padding map. */
  static tableFloats(nx: number, k: Kernel1d): number {
    return 2 * k.taps.length + nx + k.taps.length - 1;
  }

  /** dst (+)= k along x, for ny rows of the plane at src. */
  run(src: number, dst: number, ny: number, add: boolean): void {
    const t = this.table;
    this.ws.kernels.rowTaps(
      src,
      dst,
      this.nx,
      ny,
      this.pad,
      this.map,
      this.padLen,
      this.before,
      t.offs,
      t.ws,
      t.m,
      add ? 1 : 0,
    );
  }
}

/** A pass along y (or any axis whose lines are whole rows of `stride` floats): interior rows in
 * one run of the taps, the first and last rows with their sources looked up. */
export class ColumnPass {
  private readonly inner: TapTable;
  private readonly y0: number;
  private readonly y1: number;
  private readonly at: number[];
  private readonly w: number[];

  constructor(
    private readonly ws: TapsWorkspace,
    private readonly stride: number,
    private readonly n: number,
    private readonly k: Kernel1d,
    private readonly boundary: Boundary,
    tableAt: number,
    /** Room for the edge rows' table. */
    private readonly edgeTableAt: number,
  ) {
    ({ at: this.at, w: this.w } = nonZeroTaps(k));
    const len = k.taps.length;
    // rows whose taps all read inside: y + origin − t in [0, n) for t in [0, len)
    this.y0 = len - 1 - k.origin;
    this.y1 = n - 1 - k.origin;
    this.inner = ws.table(
      tableAt,
      this.at.map((t) => 4 * stride * (k.origin - t)),
      this.w,
    );
  }

  /** dst (+)= k across the rows of the plane at src. */
  run(src: number, dst: number, add: boolean): void {
    const { stride, n, k } = this;
    const rowBytes = 4 * stride;
    const y0 = Math.max(0, this.y0);
    const y1 = Math.min(n - 1, this.y1);
    if (y1 >= y0)
      this.ws.taps(
        dst + y0 * rowBytes,
        (y1 - y0 + 1) * stride,
        src + y0 * rowBytes,
        this.inner,
        add,
      );
    for (let y = 0; y < n; y++) {
      if (y >= y0 && y <= y1) continue;
      const offs: number[] = [];
      const ws: number[] = [];
      this.at.forEach((t, u) => {
        const s = sourceIndex(y + k.origin - t, n, this.boundary);
        if (s < 0) return;
        offs.push(src + s * rowBytes);
        ws.push(this.w[u]);
      });
      this.ws.taps(dst + y * rowBytes, stride, 0, this.ws.table(this.edgeTableAt, offs, ws), add);
    }
  }
}

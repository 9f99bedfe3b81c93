// The mean filter's fast path: running sums along z (across the ring's planes) and y (across a
// plane's rows), in float64 so the sum carried along an axis does not drift, and the x pass as
// M taps of 1/M in SIMD over padded rows; WASM, plane by plane. Cost per voxel does not grow
// with the support along y and z. The reference is mean.ts's meanReference() (running sums in
// TypeScript over whole volumes), checked against this in meanPlanes.test.ts.
import type { ImageVolume } from '../../analysis/volume.ts';
import { sourceIndex } from '../boundary.ts';
import { kernel1d } from '../kernel.ts';
import type { Boundary } from '../types.ts';
import { PlaneRing, RowPass, tableFloats } from './planePasses.ts';
import { tapsWorkspace } from './tapsWasm.ts';

/**
 * Null where WebAssembly SIMD is missing. With inPlace the response overwrites img.values (the
 * Laws energy map's |response|, so it needs no third volume): each plane is written once the
 * ring has read it, and the planes the boundary reads again at the far end (the first and last
 * r) are kept aside first.
 */
export function meanPlanes(
  img: ImageVolume,
  support: number,
  boundary: Boundary,
  dims: 2 | 3,
  inPlace = false,
): Float32Array | null {
  const ws = tapsWorkspace();
  if (!ws) return null;
  const [nx, ny, nz] = img.dims;
  const plane = nx * ny;
  const r = (support - 1) >> 1;
  const k = kernel1d(new Array<number>(support).fill(1 / support));
  const zs = dims === 3 ? [k] : [];
  const slots = PlaneRing.slotsFor(zs);
  const lines = ny + support - 1;
  const at = ws.layout([
    ...new Array<number>(slots).fill(plane),
    plane, // z result
    plane, // x result
    plane, // y result
    2 * plane, // z running sums (f64)
    2 * nx, // y running sums (f64)
    RowPass.padFloats(nx, k),
    RowPass.tableFloats(nx, k),
    tableFloats(k), // the ring's (unused: its sums are running)
    lines, // the y pass's row map
  ]);
  const [zOut, xOut, yOut, zAcc, yAcc, pad, xTable, zTable, rowMap] = at.slice(slots);
  const kept = new Map<number, Float32Array>();
  if (inPlace && dims === 3)
    for (let s = 0; s < nz; s++)
      if (s < r || s >= nz - r) kept.set(s, img.values.slice(s * plane, (s + 1) * plane));
  const planeOf = (s: number) => kept.get(s) ?? img.values.subarray(s * plane, (s + 1) * plane);
  const ring = new PlaneRing(ws, planeOf, img.dims, zs, boundary, at.slice(0, slots), zTable);
  const x = new RowPass(ws, nx, k, boundary, xTable, pad);
  for (let q = 0; q < lines; q++) {
    const s = sourceIndex(q - r, ny, boundary);
    ws.i32[(rowMap >> 2) + q] = s < 0 ? -1 : 4 * nx * s;
  }
  // the input plane at virtual position p, or null for a zero plane
  const source = (p: number) => (sourceIndex(p, nz, boundary) < 0 ? null : ring.at(p));
  const { lineAdd, lineOut, boxLines } = ws.kernels;
  const out = inPlace ? img.values : new Float32Array(img.values.length);
  for (let z = 0; z < nz; z++) {
    ring.load(z);
    let cur = ring.at(z);
    if (dims === 3) {
      if (z === 0) {
        new Float64Array(ws.memory.buffer, zAcc, plane).fill(0);
        for (let p = -r; p < r; p++) {
          const s = source(p);
          if (s !== null) lineAdd(zAcc, s, plane, 1);
        }
      }
      const enter = source(z + r);
      if (enter !== null) lineAdd(zAcc, enter, plane, 1);
      lineOut(zAcc, (cur = zOut), plane, 1 / support);
      const leave = source(z - r);
      if (leave !== null) lineAdd(zAcc, leave, plane, -1);
    }
    x.run(cur, xOut, ny, false);
    boxLines(xOut, yOut, yAcc, nx, ny, rowMap, support, 4 * nx);
    out.set(ws.f32.subarray(yOut >> 2, (yOut >> 2) + plane), z * plane);
  }
  return out;
}

// The fast path of separable filters (mean, Laws, wavelets), alone or pooled over rotated
// kernels: every output plane is made from the ring of input planes (z pass), then x and y
// passes inside the plane, in WASM SIMD with f32 sums; rotations are pooled plane by plane, so
// 24 rotations need no more memory than one. The plain reference is separable.ts's
// applySeparableReference(), checked against this in separablePlanes.test.ts.
import type { ImageVolume } from '../../analysis/volume.ts';
import { isIdentity, type Kernel1d } from '../kernel.ts';
import type { Boundary, Pooling } from '../types.ts';
import { ColumnPass, PlaneRing, RowPass, tableFloats } from './planePasses.ts';
import { tapsWorkspace } from './tapsWasm.ts';

type Triple = readonly [Kernel1d, Kernel1d, Kernel1d];

function poolInto(acc: Float32Array, r: Float32Array, pooling: Pooling): void {
  const n = acc.length;
  if (pooling === 'average') for (let i = 0; i < n; i++) acc[i] += r[i];
  else if (pooling === 'max') for (let i = 0; i < n; i++) acc[i] = r[i] > acc[i] ? r[i] : acc[i];
  else for (let i = 0; i < n; i++) acc[i] = r[i] < acc[i] ? r[i] : acc[i];
}

/**
 * The response of each kernel triple (x, y, z), pooled when there are several (pooling null:
 * exactly one triple). Null where WebAssembly SIMD is missing (the caller uses the reference).
 */
export function separablePlanes(
  img: ImageVolume,
  triples: readonly Triple[],
  boundary: Boundary,
  pooling: Pooling | null,
  onPlane?: (done: number, total: number) => void,
): Float32Array | null {
  const ws = tapsWorkspace();
  if (!ws) return null;
  const [nx, ny, nz] = img.dims;
  const plane = nx * ny;
  const all = triples.flat();
  const zs = triples.map((t) => t[2]);
  const slots = PlaneRing.slotsFor(zs);
  const maxTable = Math.max(...all.map(tableFloats));
  const maxPad = Math.max(...triples.map((t) => RowPass.padFloats(nx, t[0])));
  // ring slots, z result, x result, y result, pool, pad row, z table, y edge table, then the
  // x and y tables of every triple
  const at = ws.layout([
    ...new Array<number>(slots).fill(plane),
    plane,
    plane,
    plane,
    plane,
    maxPad,
    maxTable,
    maxTable,
    ...triples.flatMap((t) => [RowPass.tableFloats(nx, t[0]), tableFloats(t[1])]),
  ]);
  const [zOut, xOut, yOut, poolAt, pad, zTable, edgeTable] = at.slice(slots, slots + 7);
  const tables = at.slice(slots + 7);
  const ring = new PlaneRing(ws, img.values, img.dims, zs, boundary, at.slice(0, slots), zTable);
  const passes = triples.map((t, i) => ({
    x: isIdentity(t[0]) ? null : new RowPass(ws, nx, t[0], boundary, tables[2 * i], pad),
    y: isIdentity(t[1])
      ? null
      : new ColumnPass(ws, nx, ny, t[1], boundary, tables[2 * i + 1], edgeTable),
    z: isIdentity(t[2]) ? null : t[2],
  }));
  const out = new Float32Array(img.values.length);
  for (let z = 0; z < nz; z++) {
    ring.load(z);
    passes.forEach((p, i) => {
      let cur = ring.at(z);
      if (p.z) ring.zPass(z, p.z, (cur = zOut), false);
      if (p.x) p.x.run(cur, (cur = xOut), ny, false);
      if (p.y) p.y.run(cur, (cur = yOut), false);
      const view = ws.f32.subarray(cur >> 2, (cur >> 2) + plane);
      if (!pooling || triples.length === 1) out.set(view, z * plane);
      else if (i === 0) ws.f32.copyWithin(poolAt >> 2, cur >> 2, (cur >> 2) + plane);
      else poolInto(ws.f32.subarray(poolAt >> 2, (poolAt >> 2) + plane), view, pooling);
    });
    if (pooling && triples.length > 1) {
      const pooled = ws.f32.subarray(poolAt >> 2, (poolAt >> 2) + plane);
      if (pooling === 'average') {
        const inv = 1 / triples.length;
        for (let i = 0; i < plane; i++) pooled[i] *= inv;
      }
      out.set(pooled, z * plane);
    }
    onPlane?.(z + 1, nz);
  }
  return out;
}

// The LoG's fast path: the same 1D passes as log.ts, plane by plane in WASM SIMD with f32 sums,
// z first so no pass is repeated: a = Gz f, b = G″z f from the ring of input planes, then in the
// plane q = G″x a + Gx b, p = Gx a, out = Gy q + G″y p (in 2D a = f and b = 0). Seven passes
// in 3D, four in 2D; memory is the input, the output and a ring of 2 r_z + 1 planes. The
// reference is log.ts's logReference(), checked against this in logPlanes.test.ts.
import type { ImageVolume } from '../../analysis/volume.ts';
import type { Kernel1d } from '../kernel.ts';
import type { Boundary } from '../types.ts';
import { ColumnPass, PlaneRing, RowPass, tableFloats } from './planePasses.ts';
import { tapsWorkspace } from './tapsWasm.ts';

type Pair = { g: Kernel1d; g2: Kernel1d };

/** Null where WebAssembly SIMD is missing. */
export function logPlanes(
  img: ImageVolume,
  k: readonly [Pair, Pair, Pair],
  boundary: Boundary,
  dims: 2 | 3,
): Float32Array | null {
  const ws = tapsWorkspace();
  if (!ws) return null;
  const [nx, ny, nz] = img.dims;
  const plane = nx * ny;
  const zs = dims === 3 ? [k[2].g, k[2].g2] : [];
  const slots = PlaneRing.slotsFor(zs);
  const all = [k[0].g, k[0].g2, k[1].g, k[1].g2, ...zs];
  const table = Math.max(...all.map(tableFloats));
  const at = ws.layout([
    ...new Array<number>(slots).fill(plane),
    plane, // b
    plane, // a
    plane, // p
    plane, // q
    plane, // out
    RowPass.padFloats(nx, k[0].g),
    table, // z
    table, // y edges
    RowPass.tableFloats(nx, k[0].g),
    RowPass.tableFloats(nx, k[0].g2),
    table,
    table,
  ]);
  const [bAt, aAt, pAt, qAt, outAt, pad, zTable, edgeTable, ...tables] = at.slice(slots);
  const ring = new PlaneRing(ws, img.values, img.dims, zs, boundary, at.slice(0, slots), zTable);
  const gx = new RowPass(ws, nx, k[0].g, boundary, tables[0], pad);
  const g2x = new RowPass(ws, nx, k[0].g2, boundary, tables[1], pad);
  const gy = new ColumnPass(ws, nx, ny, k[1].g, boundary, tables[2], edgeTable);
  const g2y = new ColumnPass(ws, nx, ny, k[1].g2, boundary, tables[3], edgeTable);
  const out = new Float32Array(img.values.length);
  for (let z = 0; z < nz; z++) {
    ring.load(z);
    let a = ring.at(z);
    if (dims === 3) {
      ring.zPass(z, k[2].g, (a = aAt), false);
      ring.zPass(z, k[2].g2, bAt, false);
    }
    g2x.run(a, qAt, ny, false);
    if (dims === 3) gx.run(bAt, qAt, ny, true);
    gx.run(a, pAt, ny, false);
    gy.run(qAt, outAt, false);
    g2y.run(pAt, outAt, true);
    out.set(ws.f32.subarray(outAt >> 2, (outAt >> 2) + plane), z * plane);
  }
  return out;
}

// Per-voxel neighbourhood counts (neighbours.wat) for NGTDM and NGLDM, a slice at a time: the
// slices a neighbourhood reaches sit zero-framed in a ring in WebAssembly memory (2d + 1 of
// them in 3D, the slice itself in 2D), so no framed copy of the whole volume is made. null
// where WebAssembly is missing or the sums would not fit 16 bits; callers then count in
// TypeScript.
import { instantiateSync, reserveBytes, type WasmMemory } from '../../wasmInstance';
import type { DiscreteVolume } from '../../volume';
import { neighbourhood } from '../neighbourhood';
import { neighboursWasmBytes } from './neighboursWasmBytes';

interface NeighboursExports {
  memory: WasmMemory;
  hood(
    from: number,
    count: number,
    offs: number,
    n: number,
    alpha: number,
    outW: number,
    outS: number,
    outK: number,
  ): void;
}

let instance: NeighboursExports | null | undefined;

function neighboursWasm(): NeighboursExports | null {
  if (instance === undefined) instance = instantiateSync<NeighboursExports>(neighboursWasmBytes);
  return instance;
}

/**
 * Counts of one slice: for voxel (x, y), at y * rowStep + x, w = ROI neighbours, s = the sum of
 * their levels, k = ROI neighbours within alpha levels of the voxel's own. Meaningless where
 * the voxel itself is outside the ROI. The views are reused for the next slice.
 */
export type HoodSlice = (
  z: number,
  w: Uint16Array,
  s: Uint16Array,
  k: Uint16Array,
  rowStep: number,
) => void;

const align = (bytes: number): number => (bytes + 63) & ~63;

/**
 * Visits slice z (z >= 0, in-plane neighbours) or every slice in order (z = -1, 3D
 * neighbours) at Chebyshev distance `distance`. Returns false, visiting nothing, without
 * WebAssembly or when levelCount x neighbours (or alpha) exceeds 16 bits.
 */
export function forEachHoodSlice(
  volume: DiscreteVolume,
  z: number,
  distance: number,
  alpha: number,
  visit: HoodSlice,
): boolean {
  const threeD = z < 0;
  const hood = neighbourhood(threeD, distance);
  if (volume.levelCount * hood.length > 65535 || !(alpha >= 0)) return false;
  const wasm = neighboursWasm();
  if (!wasm) return false;
  // Level differences are integers: within alpha is within its floor.
  const alphaLevels = Math.min(65535, Math.floor(alpha));
  const [nx, ny, nz] = volume.dims;
  const d = distance;
  const rowStep = nx + 2 * d;
  const planeStep = rowStep * (ny + 2 * d);
  const slots = threeD ? 2 * d + 1 : 1;
  // Reads run up to 7 centres past the last one, plus the farthest in-plane neighbour.
  const slack = 2 * (8 + d * rowStep + d) + 64;
  const ringBytes = align(2 * slots * planeStep + slack);
  const offsAt = ringBytes;
  const outBytes = align(2 * planeStep + 32);
  const outW = offsAt + align(4 * hood.length);
  const outS = outW + outBytes;
  const outK = outS + outBytes;
  reserveBytes(wasm.memory, outK + outBytes);
  const buffer = wasm.memory.buffer;
  const ring = new Uint16Array(buffer, 0, ringBytes / 2);
  ring.fill(0);
  const offs = new Int32Array(buffer, offsAt, hood.length);
  const w = new Uint16Array(buffer, outW, planeStep);
  const s = new Uint16Array(buffer, outS, planeStep);
  const k = new Uint16Array(buffer, outK, planeStep);
  const slotOf = (q: number): number => ((q % slots) + slots) % slots;
  const load = (q: number): void => {
    const base = slotOf(q) * planeStep + d * rowStep + d;
    if (q < 0 || q >= nz) {
      for (let y = 0; y < ny; y++) ring.fill(0, base + y * rowStep, base + y * rowStep + nx);
      return;
    }
    for (let y = 0; y < ny; y++) {
      const from = nx * (y + ny * q);
      ring.set(volume.levels.subarray(from, from + nx), base + y * rowStep);
    }
  };
  const count = (ny - 1) * rowStep + nx;
  const run = (zz: number): void => {
    const centre = slotOf(zz);
    hood.forEach((h, j) => {
      const dz = threeD ? (slotOf(zz + h.dz) - centre) * planeStep : 0;
      offs[j] = 2 * (h.dx + h.dy * rowStep + dz);
    });
    const from = 2 * (centre * planeStep + d * rowStep + d);
    wasm.hood(from, count, offsAt, hood.length, alphaLevels, outW, outS, outK);
    visit(zz, w, s, k, rowStep);
  };
  if (!threeD) {
    load(z);
    run(z);
    return true;
  }
  for (let q = -d; q < d; q++) load(q);
  for (let zz = 0; zz < nz; zz++) {
    load(zz + d);
    run(zz);
  }
  return true;
}

// GLRLM run counting in WebAssembly (runs.wat), a slice at a time: the slices a direction
// reaches (the slice before, itself, the slice after) sit zero-framed in a ring in WebAssembly
// memory, with each direction's run lengths so far for the last two slices, so no framed copy
// of the whole volume is made. null where WebAssembly is missing or the counts would not fit;
// callers then count in TypeScript.
import { instantiateSync, reserveBytes, type WasmMemory } from '../../wasmInstance';
import type { DiscreteVolume } from '../../volume';
import type { Direction } from '../directions';
import { emptyMatrix, type TextureMatrix } from '../matrix';
import { runsWasmBytes } from './runsWasmBytes';

interface RunsExports {
  memory: WasmMemory;
  runs(
    from: number,
    count: number,
    prev: number,
    next: number,
    lens: number,
    lensPrev: number,
    maxRun: number,
    counts: number,
  ): void;
  row(from: number, count: number, maxRun: number, counts: number): void;
}

let instance: RunsExports | null | undefined;

function runsWasm(): RunsExports | null {
  if (instance === undefined) instance = instantiateSync<RunsExports>(runsWasmBytes);
  return instance;
}

const align = (bytes: number): number => (bytes + 63) & ~63;
/** Spare cells before each direction's counts (one per lane). */
const spares = 8;
/** Most count bytes held at once; more directions than fit are counted in further passes. */
const countsBudget = 256 * 2 ** 20;

/** The same runs walked the other way: the previous voxel along it lies in an earlier slice,
 * an earlier row, or just before in the row. */
function forwards(d: Direction, threeD: boolean): Direction {
  const [dx, dy, dz] = [d[0], d[1], threeD ? d[2] : 0];
  const back = dz < 0 || (dz === 0 && (dy < 0 || (dy === 0 && dx < 0)));
  return back ? [-dx, -dy, -dz] : [dx, dy, dz];
}

/**
 * One run length matrix per direction for slice z (z >= 0, in-plane runs) or the whole volume
 * (z = -1), equal to the TypeScript count (glrlm.ts); null without WebAssembly or where a
 * direction's counts would exceed the memory budget.
 */
export function runMatricesWasm(
  volume: DiscreteVolume,
  directions: readonly Direction[],
  z: number,
): TextureMatrix[] | null {
  const { levelCount } = volume;
  const [nx, ny, nzAll] = volume.dims;
  const maxRun = Math.max(...volume.dims);
  const cells = spares + levelCount * maxRun;
  if (maxRun > 65535 || levelCount > 65535 || 4 * cells > countsBudget) return null;
  const wasm = runsWasm();
  if (!wasm) return null;
  const threeD = z < 0;
  // A direction with no step in the plane (2D) has no runs to count here.
  if (directions.some(([dx, dy, dz]) => dx === 0 && dy === 0 && (!threeD || dz === 0))) return null;
  const nz = threeD ? nzAll : 1;
  const z0 = threeD ? 0 : z;
  // A frame of one voxel, wider on the right for narrow images: an in-plane previous voxel is
  // then at least 8 voxels back (lanes independent), and the 7 lanes read past a slice's last
  // voxel stay in its bottom frame row.
  const rowStep = Math.max(nx + 2, 16);
  const planeStep = rowStep * (ny + 2);
  const origin = rowStep + 1;
  const count = (ny - 1) * rowStep + nx;
  const slotBytes = align(2 * planeStep + 32);
  const lensAt = 3 * slotBytes;
  const lensBytes = 2 * slotBytes;
  const countsBytes = align(4 * cells);
  const perPass = Math.max(1, Math.floor(countsBudget / (lensBytes + countsBytes)));
  const out: TextureMatrix[] = [];
  for (let first = 0; first < directions.length; first += perPass) {
    const dirs = directions.slice(first, first + perPass).map((d) => forwards(d, threeD));
    const countsAt = lensAt + dirs.length * lensBytes;
    reserveBytes(wasm.memory, countsAt + dirs.length * countsBytes);
    const buffer = wasm.memory.buffer;
    // Slices before the first and after the last are all frame (zeros).
    const ring = new Uint16Array(buffer, 0, lensAt / 2);
    ring.fill(0);
    const counts = new Int32Array(buffer, countsAt, (dirs.length * countsBytes) / 4);
    counts.fill(0);
    const slot = (q: number): number => (q + 3) % 3;
    const load = (q: number): void => {
      const base = (slot(q) * slotBytes) / 2 + origin;
      for (let y = 0; y < ny; y++) {
        const at = base + y * rowStep;
        if (q < 0 || q >= nz) ring.fill(0, at, at + nx);
        else {
          const from = nx * (y + ny * (z0 + q));
          ring.set(volume.levels.subarray(from, from + nx), at);
        }
      }
    };
    load(-1);
    load(0);
    for (let zz = 0; zz < nz; zz++) {
      load(zz + 1);
      const from = slot(zz) * slotBytes + 2 * origin;
      dirs.forEach(([dx, dy, dz], k) => {
        const cellsAt = countsAt + k * countsBytes;
        const inPlane = dx + dy * rowStep;
        if (dz === 0 && inPlane === 1) {
          wasm.row(from, count, maxRun, cellsAt);
          return;
        }
        const prev = (slot(zz - dz) - slot(zz)) * slotBytes - 2 * inPlane;
        const next = (slot(zz + dz) - slot(zz)) * slotBytes + 2 * inPlane;
        const lensSlot = lensAt + k * lensBytes;
        const lens = lensSlot + (zz & 1) * slotBytes + 2 * origin;
        const lensPrev = (((zz - dz) & 1) - (zz & 1)) * slotBytes - 2 * inPlane;
        wasm.runs(from, count, prev, next, lens, lensPrev, maxRun, cellsAt);
      });
    }
    dirs.forEach((_, k) => {
      const m = emptyMatrix(levelCount, maxRun);
      const cellsOf = counts.subarray(
        (k * countsBytes) / 4 + spares,
        (k * countsBytes) / 4 + cells,
      );
      let voxels = 0;
      // Every ROI voxel lies in exactly one run along each direction.
      for (let j = 0; j < cellsOf.length; j++) {
        const n = cellsOf[j];
        if (n === 0) continue;
        m.data[j] = n;
        voxels += n * ((j % maxRun) + 1);
      }
      m.voxels = voxels;
      out.push(m);
    });
  }
  return out;
}

// Zone labelling in WebAssembly (zones.wat): labelZones's runs, union-find and per-slice
// renumbering without bounds checks, for a region without border distances or with a box's
// (a whole image); zones come out in the same order with the same level, size and smallest
// distance. null where WebAssembly is missing; labelZones then labels in TypeScript.
import { instantiateSync, reserveBytes, type WasmMemory } from '../../wasmInstance';
import type { DiscreteVolume } from '../../volume';
import type { BoxDistances } from '../borderDistance';
import { zonesWasmBytes } from './zonesWasmBytes';

interface ZonesExports {
  memory: WasmMemory;
  layout(
    runs: number,
    ending: number,
    parent: number,
    level: number,
    size: number,
    min: number,
    remap: number,
    levels: number,
  ): void;
  slice(
    nx: number,
    ny: number,
    cur: number,
    prev: number,
    rowsCur: number,
    rowsPrev: number,
    hasPrev: number,
    boxMode: number,
    zMin: number,
  ): number;
  finish(first: number, end: number, out: number): number;
  flush(out: number): number;
}

let instance: ZonesExports | null | undefined;

function zonesWasm(): ZonesExports | null {
  if (instance === undefined) instance = instantiateSync<ZonesExports>(zonesWasmBytes);
  return instance;
}

const NONE = 0x7fffffff;
/** Memory an instance keeps between calls (a slice's labelling fits). */
const keptBytes = 16 * 2 ** 20;
const align = (bytes: number): number => (bytes + 63) & ~63;

export interface ZoneArrays {
  level: Int32Array;
  size: Int32Array;
  min: Int32Array;
  count: number;
}

/** Zones of slice z (z >= 0) or the volume (z = -1), as labelZones finds them with no
 * distances (box undefined) or a box's. */
export function labelZonesWasm(
  volume: DiscreteVolume,
  z: number,
  box: BoxDistances | undefined,
): ZoneArrays | null {
  const wasm = zonesWasm();
  if (!wasm) return null;
  const [nx, ny, nzAll] = volume.dims;
  const plane = nx * ny;
  const nz = z >= 0 ? 1 : nzAll;
  const z0 = z >= 0 ? z : 0;
  const slots = nz > 1 ? 2 : 1;
  // Live labels are at most one slice's runs, and a slice adds at most a run per voxel.
  const cap = 2 * plane + 2;
  const runsAt = 0;
  const endingAt = align(runsAt + 16 * slots * plane);
  const parentAt = align(endingAt + 4 * slots * plane);
  const levelAt = align(parentAt + 4 * cap);
  const sizeAt = align(levelAt + 4 * cap);
  const minAt = align(sizeAt + 4 * cap);
  const remapAt = align(minAt + 4 * cap);
  const rowsA = align(remapAt + 4 * cap);
  const rowsB = align(rowsA + 4 * (ny + 1));
  const levelsAt = align(rowsB + 4 * (ny + 1));
  const outAt = align(levelsAt + 2 * plane);
  reserveBytes(wasm.memory, outAt + 12 * cap);
  const buffer = wasm.memory.buffer;
  const levels = new Uint16Array(buffer, levelsAt, plane);
  const out = new Int32Array(buffer, outAt, 3 * cap);
  wasm.layout(runsAt, endingAt, parentAt, levelAt, sizeAt, minAt, remapAt, levelsAt);
  let zones: ZoneArrays = {
    level: new Int32Array(1024),
    size: new Int32Array(1024),
    min: new Int32Array(1024),
    count: 0,
  };
  const take = (written: number): void => {
    if (zones.count + written > zones.level.length) zones = grown(zones, zones.count + written);
    for (let k = 0, at = zones.count; k < written; k++, at++) {
      zones.level[at] = out[3 * k];
      zones.size[at] = out[3 * k + 1];
      zones.min[at] = out[3 * k + 2];
    }
    zones.count += written;
  };
  for (let zz = 0; zz < nz; zz++) {
    levels.set(volume.levels.subarray((z0 + zz) * plane, (z0 + zz + 1) * plane));
    const odd = (zz & 1) === 1;
    const cur = odd ? plane : 0;
    const prev = odd ? 0 : plane;
    const zMin = box?.threeD ? Math.min(zz + 1, nz - zz) : NONE;
    const end = wasm.slice(
      nx,
      ny,
      cur,
      prev,
      odd ? rowsB : rowsA,
      odd ? rowsA : rowsB,
      zz > 0 ? 1 : 0,
      box ? 1 : 0,
      zMin,
    );
    if (zz === nz - 1) break;
    take(wasm.finish(cur, end, outAt));
  }
  take(wasm.flush(outAt));
  // A whole image's labelling memory (tens of MB) goes with its instance rather than staying
  // held while the families after it run; the compiled module is kept, so a new one is cheap.
  if (wasm.memory.buffer.byteLength > keptBytes) instance = undefined;
  return {
    level: zones.level.subarray(0, zones.count),
    size: zones.size.subarray(0, zones.count),
    min: zones.min.subarray(0, zones.count),
    count: zones.count,
  };
}

function grown(z: ZoneArrays, atLeast: number): ZoneArrays {
  const n = Math.max(atLeast, 2 * z.level.length);
  const copy = (a: Int32Array): Int32Array => {
    const b = new Int32Array(n);
    b.set(a.subarray(0, z.count));
    return b;
  };
  return { level: copy(z.level), size: copy(z.size), min: copy(z.min), count: z.count };
}

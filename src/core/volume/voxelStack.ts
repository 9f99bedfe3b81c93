// A series volume written one slice at a time in its smallest exact type, so no stage holds the
// series as float32: a slice is decoded (float32, one frame), written here and let go. The type
// is chosen from the values as they come (as voxelKindOf would from all of them), and a slice
// that needs a wider type promotes what is already there: int16 → uint16 → float32.
import { voxelTypeOf, type VoxelType, type VoxelValues } from '../analysis/volume.ts';

/** The type that holds every value seen so far exactly: int16 or uint16 for integers in range,
 * float32 for anything else (a non-integer rescale, colour luminance, NaN, -0). */
export function voxelTypeFor(integral: boolean, lo: number, hi: number): VoxelType {
  if (!integral) return 'float32';
  if (lo >= -32768 && hi <= 32767) return 'int16';
  return lo >= 0 && hi <= 65535 ? 'uint16' : 'float32';
}

function arrayOf(type: VoxelType, length: number, shared = false): VoxelValues {
  const bytes = length * (type === 'float32' ? 4 : 2);
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  if (type === 'int16') return new Int16Array(buffer);
  return type === 'uint16' ? new Uint16Array(buffer) : new Float32Array(buffer);
}

/** Lowest and highest value, and whether every one is an integer int16 can hold as such (-0 and
 * NaN are not). */
function scan(values: Float32Array): { integral: boolean; lo: number; hi: number } {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if ((x | 0) !== x || (x === 0 && 1 / x < 0)) return { integral: false, lo, hi };
    if (x < lo) lo = x;
    else if (x > hi) hi = x;
  }
  return { integral: true, lo, hi };
}

export class VoxelStack {
  private data: VoxelValues;
  private integral = true;
  private lo = 0;
  private hi = 0;
  /** Slices the array has room for (it grows when a slice beyond them comes). */
  private capacity: number;
  /** One past the highest slice written. */
  private depth = 0;

  /** `plane`: voxels a slice; `slices`: the slices expected (room is made for more if needed).
   * `shared`: the values in a SharedArrayBuffer, so worker threads read them without a copy. */
  constructor(
    readonly plane: number,
    slices: number,
    private readonly shared = false,
  ) {
    this.capacity = Math.max(slices, 1);
    this.data = arrayOf('int16', plane * this.capacity, shared);
  }

  get type(): VoxelType {
    return voxelTypeFor(this.integral, this.lo, this.hi);
  }

  get slices(): number {
    return this.depth;
  }

  /** Writes slice z: grey values (one a voxel, `plane` of them). `wide`: values that are not an
   * image's own integers whatever they look like (colour luminance): float32 from here on. */
  put(z: number, values: Float32Array, wide = false): void {
    if (values.length !== this.plane)
      throw new RangeError(`slice of ${values.length} voxels, the stack's are ${this.plane}`);
    const s = scan(values);
    this.integral &&= s.integral && !wide;
    if (s.lo < this.lo) this.lo = s.lo;
    if (s.hi > this.hi) this.hi = s.hi;
    const type = this.type;
    if (z >= this.capacity) this.resize(type, Math.max(z + 1, this.capacity * 2));
    else if (type !== voxelTypeOf(this.data)) this.resize(type, this.capacity);
    this.data.set(values, z * this.plane);
    if (z >= this.depth) this.depth = z + 1;
  }

  /** Reorders the slices: slice z becomes the one written at `from[z]`, which must be a
   * permutation of 0..slices-1. In place, with one slice of scratch. */
  reorder(from: readonly number[]): void {
    const { plane, data } = this;
    if (from.length !== this.depth) throw new RangeError('reorder needs one index a slice');
    const done = new Uint8Array(from.length);
    const scratch = arrayOf(voxelTypeOf(data), plane);
    for (let start = 0; start < from.length; start++) {
      if (done[start] || from[start] === start) continue;
      // Follow the cycle: each slice takes its source's values, the last takes the first's.
      scratch.set(data.subarray(start * plane, (start + 1) * plane));
      let z = start;
      while (from[z] !== start) {
        const src = from[z];
        data.copyWithin(z * plane, src * plane, (src + 1) * plane);
        done[z] = 1;
        z = src;
      }
      data.set(scratch, z * plane);
      done[z] = 1;
    }
  }

  /** The values of the slices written, exactly that long (copied only where room was left). */
  values(): VoxelValues {
    const n = this.depth * this.plane;
    if (this.data.length !== n) {
      const exact = arrayOf(voxelTypeOf(this.data), n, this.shared);
      exact.set(this.data.subarray(0, n));
      this.data = exact;
    }
    this.capacity = this.depth;
    return this.data;
  }

  private resize(type: VoxelType, capacity: number): void {
    const next = arrayOf(type, capacity * this.plane, this.shared);
    // Every value held is exact in the wider type.
    next.set(this.data.subarray(0, Math.min(this.data.length, next.length)));
    this.data = next;
    this.capacity = capacity;
  }
}

// Discretisation and resegmentation exactly as IBSI defines them (reference manual, section 2.7):
// fixed bin number (FBN) and fixed bin size (FBS), after an optional resegmentation range.
import {
  analysisError,
  maxGreyLevels,
  type DiscreteVolume,
  type RoiVolume,
  type VoxelValues,
} from './volume';

export type Discretisation =
  | { kind: 'none' }
  | { kind: 'bin-count'; binCount: number }
  | { kind: 'bin-width'; binWidth: number };

/** Resegmentation range [min, max] in modality values; voxels outside leave the intensity mask.
 * A null (or infinite) bound is open: [-1000, null] keeps everything from -1000 HU up. */
export type ResegmentRange = readonly [min: number | null, max: number | null];

/**
 * The intensity mask: the ROI mask (every voxel without one) with voxels outside the
 * resegmentation range (and NaN) removed. Without a range it is a copy of the ROI mask.
 */
export function resegment(roi: RoiVolume, range?: ResegmentRange): Uint8Array {
  const { values, mask } = roi;
  const out = new Uint8Array(values.length);
  const lo = range?.[0] ?? -Infinity;
  const hi = range?.[1] ?? Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = (!mask || mask[i] !== 0) && v >= lo && v <= hi ? 1 : 0;
  }
  return out;
}

/** Whether values hold a NaN (never for integer arrays). */
function hasNaN(values: VoxelValues): boolean {
  if (!(values instanceof Float32Array)) return false;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

/**
 * resegment(roi, range) without a copy where it would equal the ROI mask: no range, every mask
 * byte 0 or 1 and no NaN inside it (read-only checks, cheaper than writing a new mask, and a
 * byte a voxel less). Callers only read the result. Undefined: every voxel (a ROI without a
 * mask and no NaN).
 */
export function intensityMaskOf(roi: RoiVolume, range?: ResegmentRange): Uint8Array | undefined {
  if (range && (range[0] != null || range[1] != null)) return resegment(roi, range);
  const { values, mask } = roi;
  if (!mask) return hasNaN(values) ? resegment(roi, range) : undefined;
  for (let i = 0; i < mask.length; i++) {
    const m = mask[i];
    if (m === 0) continue;
    if (m !== 1 || values[i] !== values[i]) return resegment(roi, range);
  }
  return mask;
}

/** The intensity mask with the range and number of the values inside it. */
export interface IntensityMask {
  /** Undefined: every voxel of the box. */
  mask: Uint8Array | undefined;
  /** Minimum and maximum value inside the mask (Infinity and -Infinity when it is empty). */
  lo: number;
  hi: number;
  voxels: number;
}

/** Range and count of the values inside mask (all values without one); with `strict`, null at
 * the first mask byte other than 0 or 1 or NaN value inside it (the mask is then not an
 * intensity mask). */
function maskedRange(
  values: VoxelValues,
  mask: Uint8Array | undefined,
  strict: boolean,
): Omit<IntensityMask, 'mask'> | null {
  let lo = Infinity;
  let hi = -Infinity;
  let voxels = 0;
  if (!mask) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) return null; // NaN: the intensity mask must leave it out (resegment)
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return { lo, hi, voxels: values.length };
  }
  for (let i = 0; i < mask.length; i++) {
    const m = mask[i];
    if (m === 0) continue;
    const v = values[i];
    if (strict && (m !== 1 || v !== v)) return null;
    voxels++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { lo, hi, voxels };
}

/**
 * intensityMaskOf with the range and count of its values, in one pass over the ROI where the
 * mask is the ROI mask (the whole-image case: three passes over the volume otherwise).
 */
export function intensityMaskAndRange(roi: RoiVolume, range?: ResegmentRange): IntensityMask {
  const open = !(range && (range[0] != null || range[1] != null));
  const fused = open ? maskedRange(roi.values, roi.mask, true) : null;
  if (fused) return { mask: roi.mask, ...fused };
  const mask = resegment(roi, range);
  // Not strict: never null.
  return { mask, ...(maskedRange(roi.values, mask, false) as Omit<IntensityMask, 'mask'>) };
}

/** Minimum and maximum of values inside mask (all without one); throws empty-roi when the mask
 * is empty. */
export function roiRange(values: VoxelValues, mask: Uint8Array | undefined): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (mask && mask[i] === 0) continue;
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) throw analysisError('empty-roi', 'The region of interest contains no voxels.');
  return [lo, hi];
}

/**
 * Grey levels 1..Ng inside the intensity mask, 0 outside.
 * - none: values are already discrete; they are rounded and used as grey levels (IBSI phantom).
 * - bin-count (FBN): floor(Ng (X - Xmin) / (Xmax - Xmin)) + 1, and Xmax maps to Ng.
 * - bin-width (FBS): floor((X - Xmin) / w) + 1, where Xmin is the lower resegmentation bound
 *   when one is given, else the ROI minimum.
 */
export function discretise(
  roi: RoiVolume,
  /** Undefined: every voxel. */
  intensityMask: Uint8Array | undefined,
  method: Discretisation,
  range?: ResegmentRange,
  bounds?: Pick<IntensityMask, 'lo' | 'hi'>,
  /** Where the levels are written (zeroed, n long): shared memory for threads that read them. */
  newLevels: (n: number) => Uint16Array = (n) => new Uint16Array(n),
): DiscreteVolume {
  const { values, dims, spacingMm } = roi;
  // The ROI's range, unless the caller has it (intensityMaskAndRange).
  if (bounds && bounds.lo > bounds.hi)
    throw analysisError('empty-roi', 'The region of interest contains no voxels.');
  const [lo, hi] = bounds ? [bounds.lo, bounds.hi] : roiRange(values, intensityMask);
  const levels = newLevels(values.length);
  let levelCount = 0;
  if (method.kind === 'none') {
    for (let i = 0; i < values.length; i++) {
      if (intensityMask && intensityMask[i] === 0) continue;
      const g = Math.round(values[i]);
      if (g < 1) {
        throw analysisError(
          'bad-parameter',
          `Without discretisation grey levels must be integers >= 1; found ${values[i]}.`,
        );
      }
      levels[i] = g;
      if (g > levelCount) levelCount = g;
    }
  } else if (method.kind === 'bin-count') {
    const ng = method.binCount;
    if (!(ng >= 1) || !Number.isInteger(ng)) {
      throw analysisError('bad-parameter', `Bin count must be a positive integer, not ${ng}.`);
    }
    const scale = hi > lo ? ng / (hi - lo) : 0;
    const binOf = (v: number): number => {
      const g = Math.floor((v - lo) * scale) + 1;
      return g > ng ? ng : g;
    };
    if (!levelsByTable(values, intensityMask, lo, hi, binOf, levels)) {
      for (let i = 0; i < values.length; i++) {
        if (intensityMask && intensityMask[i] === 0) continue;
        levels[i] = binOf(values[i]);
      }
    }
    levelCount = ng;
  } else {
    const w = method.binWidth;
    if (!(w > 0)) throw analysisError('bad-parameter', `Bin width must be positive, not ${w}.`);
    const origin = range?.[0] != null && Number.isFinite(range[0]) ? range[0] : lo;
    const binOf = (v: number): number => Math.floor((v - origin) / w) + 1;
    if (levelsByTable(values, intensityMask, lo, hi, binOf, levels)) {
      // The bin grows with the value, and hi is a value inside the mask.
      levelCount = binOf(hi);
    } else {
      for (let i = 0; i < values.length; i++) {
        if (intensityMask && intensityMask[i] === 0) continue;
        const g = binOf(values[i]);
        levels[i] = g;
        if (g > levelCount) levelCount = g;
      }
    }
  }
  if (levelCount > maxGreyLevels) {
    throw analysisError(
      'bad-parameter',
      `Discretisation gives ${levelCount} grey levels; at most ${maxGreyLevels} are supported (use a larger bin width).`,
    );
  }
  return { levels, dims, spacingMm, levelCount };
}

/**
 * Integer values (int16, uint16) are binned by a table of every value from lo to hi, each entry
 * the same arithmetic as binning the voxel itself: one lookup a voxel instead of a floor and a
 * multiply or divide (a whole CT is 52 M voxels and at most 65,536 distinct values). False for
 * float values; levels is then untouched. Levels outside 0..65535 leave the table unused too,
 * so the caller's own range check sees them.
 */
function levelsByTable(
  values: VoxelValues,
  mask: Uint8Array | undefined,
  lo: number,
  hi: number,
  binOf: (v: number) => number,
  levels: Uint16Array,
): boolean {
  if (values instanceof Float32Array || !(hi - lo < 65536)) return false;
  const table = new Uint16Array(hi - lo + 1);
  for (let v = lo; v <= hi; v++) {
    const g = binOf(v);
    if (!(g >= 0 && g <= 65535)) return false;
    table[v - lo] = g;
  }
  if (values instanceof Int16Array) tableInt16(values, mask, lo, table, levels);
  else tableUint16(values, mask, lo, table, levels);
  return true;
}

// One loop per array type, so each reads its elements monomorphically.
function tableInt16(
  values: Int16Array,
  mask: Uint8Array | undefined,
  lo: number,
  table: Uint16Array,
  levels: Uint16Array,
): void {
  if (!mask) {
    for (let i = 0; i < values.length; i++) levels[i] = table[values[i] - lo];
    return;
  }
  for (let i = 0; i < values.length; i++) if (mask[i] !== 0) levels[i] = table[values[i] - lo];
}

function tableUint16(
  values: Uint16Array,
  mask: Uint8Array | undefined,
  lo: number,
  table: Uint16Array,
  levels: Uint16Array,
): void {
  if (!mask) {
    for (let i = 0; i < values.length; i++) levels[i] = table[values[i] - lo];
    return;
  }
  for (let i = 0; i < values.length; i++) if (mask[i] !== 0) levels[i] = table[values[i] - lo];
}

// A synthetic chest/upper-abdomen CT phantom, defined in patient millimetres so that every
// matrix size and slice count shows the same anatomy. Values are Hounsfield units.

/** Field of view across the axial plane, mm. */
export const PHANTOM_FOV_MM = 350;
/** Cranio-caudal extent of the phantom volume, mm. */
export const PHANTOM_EXTENT_MM = 100;

/** Tissue values the phantom is built from, HU. */
export const PhantomHu = {
  air: -1000,
  lung: -850,
  fat: -100,
  softTissue: 40,
  liver: 60,
  lesion: 30,
  aorta: 150,
  cancellousBone: 300,
  corticalBone: 1000,
} as const;

/** Where the lung lesion sits: a sphere in the left lung, in the upper part of the volume. */
export const PHANTOM_LESION = { xMm: 80, yMm: -15, zFraction: 0.75, radiusMm: 10 } as const;

/** Uniform noise amplitude, HU: enough to look like CT, small enough for exact assertions. */
export const PHANTOM_NOISE_HU = 10;

function inEllipse(x: number, y: number, cx: number, cy: number, a: number, b: number): boolean {
  if (a <= 0 || b <= 0) return false;
  const dx = (x - cx) / a;
  const dy = (y - cy) / b;
  return dx * dx + dy * dy <= 1;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * HU at patient position (x, y) on the slice at fraction t (0 = caudal end, 1 = cranial end),
 * without noise. x grows to the patient's left, y grows posterior (DICOM LPS).
 */
export function phantomHuAt(xMm: number, yMm: number, t: number, zMm: number): number {
  if (!inEllipse(xMm, yMm, 0, 0, 160, 115)) return PhantomHu.air;
  // Lungs grow towards the top of the volume, the liver towards the bottom.
  const lungScale = clamp01((t - 0.35) / 0.3);
  const liverScale = clamp01((0.65 - t) / 0.3);
  const dz = zMm - (PHANTOM_LESION.zFraction - 0.5) * PHANTOM_EXTENT_MM;
  const lx = xMm - PHANTOM_LESION.xMm;
  const ly = yMm - PHANTOM_LESION.yMm;
  if (lx * lx + ly * ly + dz * dz <= PHANTOM_LESION.radiusMm ** 2) return PhantomHu.lesion;
  if (inEllipse(xMm, yMm, 0, 80, 20, 20)) {
    return inEllipse(xMm, yMm, 0, 80, 15, 15) ? PhantomHu.cancellousBone : PhantomHu.corticalBone;
  }
  if (inEllipse(xMm, yMm, 25, 52, 12, 12)) return PhantomHu.aorta;
  if (inEllipse(xMm, yMm, -75, -5, 52 * lungScale, 70 * lungScale)) return PhantomHu.lung;
  if (inEllipse(xMm, yMm, 75, -5, 52 * lungScale, 70 * lungScale)) return PhantomHu.lung;
  if (inEllipse(xMm, yMm, -65, 5, 70 * liverScale, 60 * liverScale)) return PhantomHu.liver;
  if (!inEllipse(xMm, yMm, 0, 0, 148, 103)) return PhantomHu.fat;
  return PhantomHu.softTissue;
}

/** Deterministic noise in [-amplitude, amplitude] from a pixel index (a 32-bit integer hash). */
function noiseAt(index: number, amplitude: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return Math.round(((h >>> 0) / 0xffffffff) * 2 * amplitude - amplitude);
}

export interface SliceGeometry {
  size: number;
  slices: number;
  sliceIndex: number;
}

/** Pixel spacing (mm) for a square matrix of this size over the phantom field of view. */
export function phantomSpacingMm(size: number): number {
  return PHANTOM_FOV_MM / size;
}

/** Position (mm) of slice k's centre along z; slice 0 is the caudal end. */
export function phantomSliceZMm(sliceIndex: number, slices: number): number {
  const thickness = PHANTOM_EXTENT_MM / slices;
  return -PHANTOM_EXTENT_MM / 2 + thickness * (sliceIndex + 0.5);
}

/** One axial slice in HU, row-major, with deterministic noise. */
export function renderPhantomSlice({ size, slices, sliceIndex }: SliceGeometry): Int16Array {
  const out = new Int16Array(size * size);
  const spacing = phantomSpacingMm(size);
  const zMm = phantomSliceZMm(sliceIndex, slices);
  const t = (sliceIndex + 0.5) / slices;
  const origin = -PHANTOM_FOV_MM / 2 + spacing / 2;
  const seedBase = sliceIndex * size * size;
  for (let row = 0; row < size; row++) {
    const y = origin + row * spacing;
    const rowBase = row * size;
    for (let col = 0; col < size; col++) {
      const hu = phantomHuAt(origin + col * spacing, y, t, zMm);
      // Air stays clean so the background is flat, as on a real scanner after masking.
      out[rowBase + col] =
        hu === PhantomHu.air ? hu : hu + noiseAt(seedBase + rowBase + col, PHANTOM_NOISE_HU);
    }
  }
  return out;
}

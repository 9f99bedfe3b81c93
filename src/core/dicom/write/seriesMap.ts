// A map derived from one series (an IBSI 2 filter's response, an edge map) as the one DICOM
// object both front ends write: `consilium filter --out map.dcm` and the workbench's "Store map
// to PACS" / "Download as DICOM". Slices lie where the series' slices lie (the Slice Location
// Vector along the stack), and the Source Image Sequence names the series' images.
import type { Vec3 } from '../types.ts';
import { secondaryCapture, type DerivedImage } from './secondaryCapture.ts';

/** One image of the source series, in the map's slice order. */
export interface MapSlice {
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly position: Vec3 | null;
  readonly orientation: readonly [number, number, number, number, number, number] | null;
}

export type SeriesMap = Omit<DerivedImage, 'sliceLocationsMm' | 'sourceImages'> & {
  /** The source series' images, one per map slice (a multi-frame image repeats). */
  readonly slices: readonly MapSlice[];
  /** Distance between slices, mm: used when the series gives no second position. */
  readonly sliceSpacingMm: number;
};

/**
 * Where each slice lies along the stack, mm: the first slice's position projected on the step
 * from the first slice to the second (or on the normal of the orientation times the spacing).
 */
export function sliceLocationsMm(
  slices: readonly MapSlice[],
  count: number,
  sliceSpacingMm: number,
): number[] {
  const o = slices[0]?.orientation ?? [1, 0, 0, 0, 1, 0];
  const normal = [o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]];
  const p0 = slices[0]?.position ?? [0, 0, 0];
  const p1 = slices[1]?.position;
  let k = p1 ? [0, 1, 2].map((a) => p1[a] - p0[a]) : normal.map((n) => n * sliceSpacingMm);
  // The frames of one multi-frame image share its position: step along the normal instead.
  if (Math.hypot(k[0], k[1], k[2]) === 0) k = normal.map((n) => n * sliceSpacingMm);
  const step = Math.hypot(k[0], k[1], k[2]);
  const start = step > 0 ? (p0[0] * k[0] + p0[1] * k[1] + p0[2] * k[2]) / step : 0;
  return Array.from({ length: count }, (_, z) => start + z * step);
}

/** The map as Part 10 bytes: a Multi-frame Grayscale Word Secondary Capture in its study. */
export function seriesMapDicom(map: SeriesMap): Uint8Array {
  const { slices, sliceSpacingMm, ...image } = map;
  const seen = new Set<string>();
  const sourceImages = [];
  for (const s of slices)
    if (!seen.has(s.sopInstanceUid)) {
      seen.add(s.sopInstanceUid);
      sourceImages.push({ sopClassUid: s.sopClassUid, sopInstanceUid: s.sopInstanceUid });
    }
  return secondaryCapture({
    ...image,
    sliceLocationsMm: sliceLocationsMm(slices, map.dims[2], sliceSpacingMm),
    sourceImages,
  });
}

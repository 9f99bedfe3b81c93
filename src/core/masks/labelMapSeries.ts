// DICOM label-map series as masks (what `--mask` always took): a series of the image's size with
// at least as many slices, non-zero = inside, its slices matched to the image's by position when
// both have one, else by order. Several series may be given; each image takes the first that fits.
import { slicePosition } from '../dicom/studyIndex.ts';
import type { InstanceMeta } from '../dicom/types.ts';
import { ProblemError } from '../result.ts';
import type { ImageGrid } from './grid.ts';

export interface LabelMapFrame {
  columns: number;
  rows: number;
  values: ArrayLike<number>;
}

export interface LabelMapSeries {
  seriesInstanceUID: string;
  /** One meta per frame, in display order. */
  metas: InstanceMeta[];
  frames: LabelMapFrame[];
}

export interface LabelMaps {
  kind: 'labelmap';
  file: string;
  series: LabelMapSeries[];
}

export function labelMapMask(
  maps: LabelMaps,
  grid: ImageGrid,
  imageMetas: readonly InstanceMeta[],
): Uint8Array {
  const { columns: nx, rows: ny, slices } = grid;
  const plane = nx * ny;
  const fits = maps.series.find(
    (m) => m.frames[0].columns === nx && m.frames[0].rows === ny && m.frames.length >= slices,
  );
  if (!fits) {
    throw new ProblemError('mask-mismatch', `no mask series has ${slices} slices of ${nx}x${ny}`, {
      file: maps.file,
    });
  }
  const maskPositions = fits.metas.map(slicePosition);
  const out = new Uint8Array(plane * slices);
  for (let z = 0; z < slices; z++) {
    const meta = imageMetas[z];
    const at = meta ? slicePosition(meta) : null;
    let k = at === null ? z : maskPositions.findIndex((p) => p !== null && Math.abs(p - at) < 1e-3);
    if (k < 0) k = z;
    const src = fits.frames[k].values;
    for (let i = 0; i < plane; i++) out[z * plane + i] = src[i] !== 0 ? 1 : 0;
  }
  return out;
}

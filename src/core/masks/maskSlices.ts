// For the workbench: what a mask file holds (a summary the page keeps, listed under the series
// it references), and one of its structures as runs of pixels per slice of a series, which the
// Analysis tab keeps as that series' ROI (RoiShape kind 'mask').
import type { InstanceMeta } from '../dicom/types.ts';
import { attempt, ProblemError, type Result } from '../result.ts';
import { gridFromMetas } from './grid.ts';
import { readMaskFile, type MaskFile } from './readMaskFile.ts';
import { structureMask, structuresOf } from './roiMasks.ts';
import { countInside, type StructureRef } from './types.ts';

export interface MaskSummary {
  file: string;
  kind: 'rtstruct' | 'seg';
  frameOfReferenceUID: string;
  /** Series the file says it was drawn on; empty when it names none. */
  referencedSeriesUIDs: string[];
  structures: StructureRef[];
}

export function maskSummary(mask: MaskFile): MaskSummary | null {
  if (mask.kind === 'nifti') return null;
  return {
    file: mask.file,
    kind: mask.kind,
    frameOfReferenceUID: mask.frameOfReferenceUID,
    referencedSeriesUIDs: mask.referencedSeriesUIDs,
    structures: structuresOf(mask),
  };
}

/** The pixels of slice `k` as [start, length, …] runs, row by row (a run never spans rows). */
export function sliceRuns(mask: Uint8Array, k: number, columns: number, rows: number): number[] {
  const runs: number[] = [];
  const base = k * columns * rows;
  for (let y = 0; y < rows; y++) {
    const row = base + y * columns;
    let x = 0;
    while (x < columns) {
      if (mask[row + x] === 0) {
        x++;
        continue;
      }
      const start = x;
      while (x < columns && mask[row + x] !== 0) x++;
      runs.push(y * columns + start, x - start);
    }
  }
  return runs;
}

export interface MaskSlices {
  name: string;
  voxels: number;
  /** Slices (indices into the series' slices) the structure covers, with their runs. */
  slices: { index: number; runs: number[] }[];
}

/**
 * Structure `number` of the RTSTRUCT or SEG in `bytes`, placed on the series whose slices
 * `metas` describe (display order, one per slice), as runs per slice.
 */
export function maskSlicesOf(
  bytes: Uint8Array,
  file: string,
  number: number,
  metas: readonly InstanceMeta[],
): Promise<Result<MaskSlices>> {
  return attempt(
    async () => {
      const source = readMaskFile(bytes, file);
      if (!source || source.kind === 'nifti')
        throw new ProblemError('invalid-mask', `${file} is not an RTSTRUCT or SEG`, { file });
      const structure = structuresOf(source).find((s) => s.number === number);
      if (!structure)
        throw new ProblemError('unknown-structure', `${file} has no structure ${number}`, { file });
      if (metas.length === 0) throw new ProblemError('image-geometry', 'the series has no slices');
      const { columns, rows } = metas[0];
      const grid = gridFromMetas(metas, columns, rows);
      const mask = await structureMask(source, structure, grid);
      const voxels = countInside(mask);
      if (voxels === 0)
        throw new ProblemError(
          'empty-structure',
          `structure "${structure.name}" covers no voxel of the series`,
          { file, structure: structure.name },
        );
      const slices: MaskSlices['slices'] = [];
      for (let k = 0; k < metas.length; k++) {
        const runs = sliceRuns(mask, k, columns, rows);
        if (runs.length > 0) slices.push({ index: k, runs });
      }
      return { name: structure.name, voxels, slices };
    },
    'mask-failed',
    { file },
  );
}

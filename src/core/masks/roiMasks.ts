// The one entry point for every mask input: which structures it holds, which of them the user
// asked for, and each as a voxel mask on the image grid. Each structure is its own Result, so
// one bad structure (off the slices, outside the image, another Frame of Reference) is one error
// and every other structure still computes.
import type { InstanceMeta } from '../dicom/types.ts';
import { fail, ok, problemOf, ProblemError, type Result } from '../result.ts';
import type { ImageGrid } from './grid.ts';
import { labelMapMask, type LabelMaps } from './labelMapSeries.ts';
import type { NiftiVolume } from './nifti.ts';
import { niftiLabelMask, niftiStructures } from './niftiMask.ts';
import type { RtStruct } from './rtstruct.ts';
import { rtStructureMask } from './rtstructMask.ts';
import type { Seg } from './seg.ts';
import { segmentMask } from './segMask.ts';
import { countInside, type RoiMask, type StructureRef } from './types.ts';

export type MaskSource = RtStruct | Seg | NiftiVolume | LabelMaps;

export interface RoiMaskOptions {
  /** Structures to keep, by name (or number where the input numbers them); all when absent. */
  structures?: readonly string[];
  /** A fractional SEG voxel is inside when its fraction ≥ this (default 0.5). */
  fractionThreshold?: number;
  /** The image's slices, for label-map series matched by slice position. */
  imageMetas?: readonly InstanceMeta[];
}

/** Every structure the input holds, in its own order. */
export function structuresOf(source: MaskSource): StructureRef[] {
  switch (source.kind) {
    case 'rtstruct':
      return source.structures.map((s) => ({ name: s.name, number: s.number }));
    case 'seg':
      return source.segments.map((s) => ({ name: s.label, number: s.number }));
    case 'nifti':
      return niftiStructures(source);
    case 'labelmap':
      return [{ name: 'label map', number: 0 }];
  }
}

/** Exact name, then the name ignoring case, then the number. */
function find(all: readonly StructureRef[], wanted: string): StructureRef[] {
  const exact = all.filter((s) => s.name === wanted);
  if (exact.length > 0) return exact;
  const folded = all.filter((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (folded.length > 0) return folded;
  return /^\d+$/.test(wanted) ? all.filter((s) => s.number === Number(wanted)) : [];
}

/** The structures asked for, each found or an 'unknown-structure' Problem naming those there are. */
export function selectStructures(
  source: MaskSource,
  wanted: readonly string[] | undefined,
): Result<StructureRef>[] {
  const all = structuresOf(source);
  if (!wanted || wanted.length === 0 || source.kind === 'labelmap') return all.map(ok);
  return wanted.flatMap((name): Result<StructureRef>[] => {
    const found = find(all, name);
    if (found.length > 0) return found.map(ok);
    const names = all.map((s) => `"${s.name}"`);
    const listed = names.length > 20 ? `${names.slice(0, 20).join(', ')}, …` : names.join(', ');
    return [
      fail('unknown-structure', `${source.file} has no structure "${name}"; it has ${listed}`, {
        structure: name,
        file: source.file,
      }),
    ];
  });
}

/** One structure as a mask on the grid; throws ProblemError when it cannot be placed. */
export async function structureMask(
  source: MaskSource,
  structure: StructureRef,
  grid: ImageGrid,
  options: RoiMaskOptions = {},
): Promise<Uint8Array> {
  switch (source.kind) {
    case 'rtstruct': {
      const s = source.structures.find((x) => x.number === structure.number);
      if (!s) throw new ProblemError('unknown-structure', `no structure ${structure.number}`);
      return rtStructureMask(source, s, grid);
    }
    case 'seg': {
      const s = source.segments.find((x) => x.number === structure.number);
      if (!s) throw new ProblemError('unknown-structure', `no segment ${structure.number}`);
      return segmentMask(source, s, grid, options);
    }
    case 'nifti':
      return niftiLabelMask(source, structure, grid);
    case 'labelmap':
      return labelMapMask(source, grid, options.imageMetas ?? []);
  }
}

/**
 * Each asked-for structure of the input as `{ name, mask }` on the image grid, one at a time
 * (a mask per structure of a large CT is tens of megabytes), or a Problem for that structure.
 */
export async function* eachRoiMask(
  source: MaskSource,
  grid: ImageGrid,
  options: RoiMaskOptions = {},
): AsyncGenerator<Result<RoiMask>> {
  let selected: Result<StructureRef>[];
  try {
    selected = selectStructures(source, options.structures);
  } catch (e) {
    yield { ok: false, error: problemOf(e, 'mask-failed', { file: source.file }) };
    return;
  }
  for (const s of selected) {
    if (!s.ok) {
      yield s;
      continue;
    }
    const about = { structure: s.value.name, file: source.file };
    try {
      const mask = await structureMask(source, s.value, grid, options);
      const voxels = countInside(mask);
      if (voxels === 0) {
        yield fail(
          'empty-structure',
          `structure "${s.value.name}" of ${source.file} covers no voxel of the image`,
          about,
        );
        continue;
      }
      yield ok({ ...s.value, kind: source.kind, file: source.file, mask, voxels });
    } catch (e) {
      yield { ok: false, error: problemOf(e, 'mask-failed', about) };
    }
  }
}

/** Every asked-for structure at once: `{ name, mask }[]`, each a Result. */
export async function roiMasks(
  source: MaskSource,
  grid: ImageGrid,
  options: RoiMaskOptions = {},
): Promise<Result<RoiMask>[]> {
  const out: Result<RoiMask>[] = [];
  for await (const r of eachRoiMask(source, grid, options)) out.push(r);
  return out;
}

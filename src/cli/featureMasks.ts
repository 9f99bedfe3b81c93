// The ROIs of `consilium features`: a rectangle or the whole image, or every structure of the
// --mask inputs (RTSTRUCT, SEG, NIfTI label maps, DICOM label-map series) on each image series.
// Each ROI is one Result, so a structure that cannot be placed is one error record and every
// other ROI and series still computes.
import { rasteriseShape } from '../core/analysis/roi/rasterise.ts';
import type { RoiShape } from '../core/analysis/roi/shapes.ts';
import type { LoadError } from '../core/dicom/types.ts';
import { gridFromMetas } from '../core/masks/grid.ts';
import type { LabelMaps } from '../core/masks/labelMapSeries.ts';
import { readMaskFile, type MaskFile } from '../core/masks/readMaskFile.ts';
import { eachRoiMask, type MaskSource } from '../core/masks/roiMasks.ts';
import { ok, problemOf, type Problem, type Result } from '../core/result.ts';
import {
  decodeInput,
  groupSeries,
  type DecodedInstance,
  type LoadedSeries,
  type SeriesGrid,
} from './analysisInput.ts';
import type { FeaturesArgs } from './featuresArgs.ts';
import { walkInputs } from './io/walkInputs.ts';

/** What --mask named: mask files, DICOM label-map series, and the files that could not be used. */
export interface MaskInputs {
  sources: MaskFile[];
  /** DICOM label-map series (images whose non-zero voxels are the ROI). */
  series: LoadedSeries[];
  errors: (Problem & { file: string })[];
}

/** Reads every --mask input: NIfTI, RTSTRUCT and SEG files as masks, other DICOM as label maps. */
export async function loadMaskInputs(paths: readonly string[]): Promise<MaskInputs> {
  const sources: MaskFile[] = [];
  const instances: DecodedInstance[] = [];
  const errors: MaskInputs['errors'] = [];
  for await (const input of walkInputs(paths)) {
    if (!input.ok) {
      errors.push({ ...input.error, file: String(input.error.params.file) });
      continue;
    }
    const { file, bytes } = input.value;
    let mask: MaskFile | null;
    try {
      mask = readMaskFile(bytes, file);
    } catch (e) {
      errors.push({ ...problemOf(e, 'invalid-mask', { file }), file });
      continue;
    }
    if (mask) {
      sources.push(mask);
      continue;
    }
    const loadErrors: LoadError[] = [];
    const decoded = await decodeInput(input.value, loadErrors);
    for (const e of loadErrors) errors.push({ ...problemOf(e, 'read-failed', { file }), file });
    if (decoded) instances.push(decoded);
  }
  return { sources, series: groupSeries(instances), errors };
}

/** A computed ROI: its voxels on the series' grid and how the record describes it. */
export interface SeriesRoi {
  /** Absent: the whole image (no byte a voxel to say so). */
  mask?: Uint8Array;
  description: Record<string, unknown>;
}

function shapeRoi(args: Pick<FeaturesArgs, 'roi'>, series: SeriesGrid): SeriesRoi {
  const nx = series.columns;
  const ny = series.rows;
  const shape: RoiShape = args.roi
    ? { kind: 'rectangle', x: args.roi[0], y: args.roi[1], width: args.roi[2], height: args.roi[3] }
    : { kind: 'whole' };
  if (shape.kind === 'whole') return { description: { kind: 'whole' } };
  const slice = rasteriseShape(shape, nx, ny);
  const mask = new Uint8Array(slice.length * series.metas.length);
  for (let z = 0; z < series.metas.length; z++) mask.set(slice, z * slice.length);
  const { kind, ...rest } = shape;
  return { mask, description: { kind, ...rest } };
}

/**
 * Which mask sources belong to a series: an RTSTRUCT or SEG that names series among the inputs
 * goes with those only; any other mask goes with every series (its geometry then decides).
 */
function sourcesFor(
  series: SeriesGrid,
  inputs: MaskInputs,
  imageUids: ReadonlySet<string>,
): MaskSource[] {
  const out: MaskSource[] = inputs.sources.filter((s) => {
    if (s.kind === 'nifti') return true;
    const named = s.referencedSeriesUIDs.filter((uid) => imageUids.has(uid));
    return named.length === 0 || named.includes(series.seriesInstanceUID);
  });
  if (inputs.series.length > 0) {
    const maps: LabelMaps = {
      kind: 'labelmap',
      file: inputs.series[0].metas[0].file,
      series: inputs.series,
    };
    out.push(maps);
  }
  return out;
}

/** Each series with each of its ROIs, one at a time, in input order. */
export async function* seriesRois<S extends SeriesGrid>(
  args: Pick<FeaturesArgs, 'maskPaths' | 'structures' | 'roi'>,
  images: readonly S[],
  inputs: MaskInputs,
  /** Every image series of the run, when `images` are only some of them (one at a time). */
  imageUids: ReadonlySet<string> = new Set(images.map((s) => s.seriesInstanceUID)),
): AsyncGenerator<{ series: S; roi: Result<SeriesRoi> }> {
  for (const series of images) {
    if (args.maskPaths.length === 0) {
      yield { series, roi: ok(shapeRoi(args, series)) };
      continue;
    }
    const file = series.metas[0].file;
    const grid = gridFromMetas(series.metas, series.columns, series.rows);
    const sources = sourcesFor(series, inputs, imageUids);
    if (sources.length === 0 && inputs.errors.length === 0) {
      const reason = 'no --mask input applies to this series';
      yield { series, roi: { ok: false, error: { code: 'no-mask', reason, params: { file } } } };
    }
    for (const source of sources) {
      const options = { structures: args.structures, imageMetas: series.metas };
      for await (const r of eachRoiMask(source, grid, options)) {
        if (!r.ok) {
          // The record is about the image series; the mask file and structure are its params.
          const params = { ...r.error.params, mask: source.file, file };
          yield { series, roi: { ok: false, error: { ...r.error, params } } };
          continue;
        }
        const { name, number, kind, voxels } = r.value;
        const description =
          kind === 'labelmap'
            ? { kind: 'mask', paths: args.maskPaths }
            : { kind, file: source.file, structure: name, number, voxels };
        yield { series, roi: ok({ mask: r.value.mask, description }) };
      }
    }
  }
}

/** `fn` remembering its last argument and result: a series' volume is built once for its ROIs. */
export function rememberLast<A, R>(fn: (a: A) => R): (a: A) => R {
  let last: { a: A; r: R } | null = null;
  return (a) => {
    if (last?.a !== a) last = { a, r: fn(a) };
    return last.r;
  };
}

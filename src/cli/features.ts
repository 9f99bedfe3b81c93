// `consilium features`: IBSI radiomics features of DICOM series, per instance for 2D
// aggregations and per series for 2.5D/3D, within a rectangle, a mask series or the whole image.
import { computeFeatures, type FeatureSet } from '../core/analysis/computeFeatures.ts';
import { rasteriseShape } from '../core/analysis/roi/rasterise.ts';
import type { RoiShape } from '../core/analysis/roi/shapes.ts';
import { volumeFromFrames } from '../core/analysis/volumeFromFrames.ts';
import type { RoiVolume } from '../core/analysis/volume.ts';
import { slicePosition } from '../core/dicom/studyIndex.ts';
import { loadSeries, type LoadedSeries } from './analysisInput.ts';
import { parseFeaturesArgs, type FeaturesArgs } from './featuresArgs.ts';

const usage = `Usage: consilium features <files|dirs…> [--roi x,y,w,h | --mask <files|dir>]
  [--bin-width W | --bin-count N] [--reseg min,max] [--distance D]
  [--aggregation 2d-avg|2d-merged|2.5d-direction-merged|2.5d-merged|3d-avg|3d-merged] [--json]
`;

interface Success {
  ok: true;
  file: string;
  roiVoxels: number;
  features: FeatureSet['features'];
  [key: string]: unknown;
}

interface Problem {
  ok: false;
  code: string;
  file: string;
  reason: string;
}

/** Mask slices for each image slice: by slice position when both have one, else by order. */
function maskFor(image: LoadedSeries, masks: readonly LoadedSeries[]): Uint8Array | string {
  const nx = image.frames[0].columns;
  const ny = image.frames[0].rows;
  const plane = nx * ny;
  const fits = masks.find(
    (m) =>
      m.frames[0].columns === nx &&
      m.frames[0].rows === ny &&
      m.frames.length >= image.frames.length,
  );
  if (!fits) return `no mask series has ${image.frames.length} slices of ${nx}x${ny}`;
  const maskPositions = fits.metas.map(slicePosition);
  const out = new Uint8Array(plane * image.frames.length);
  for (let z = 0; z < image.frames.length; z++) {
    const at = slicePosition(image.metas[z]);
    let k = at === null ? z : maskPositions.findIndex((p) => p !== null && Math.abs(p - at) < 1e-3);
    if (k < 0) k = z;
    const src = fits.frames[k].values;
    for (let i = 0; i < plane; i++) out[z * plane + i] = src[i] !== 0 ? 1 : 0;
  }
  return out;
}

function roiMask(
  args: FeaturesArgs,
  image: LoadedSeries,
  masks: readonly LoadedSeries[],
): Uint8Array | string {
  if (args.maskPaths.length > 0) return maskFor(image, masks);
  const nx = image.frames[0].columns;
  const ny = image.frames[0].rows;
  const shape: RoiShape = args.roi
    ? { kind: 'rectangle', x: args.roi[0], y: args.roi[1], width: args.roi[2], height: args.roi[3] }
    : { kind: 'whole' };
  const slice = rasteriseShape(shape, nx, ny);
  const out = new Uint8Array(slice.length * image.frames.length);
  for (let z = 0; z < image.frames.length; z++) out.set(slice, z * slice.length);
  return out;
}

/** Units: the engine writes 'I' for the image intensity unit; CT intensities are HU. */
function withUnits(set: FeatureSet, modality: string): FeatureSet['features'] {
  const unit = modality === 'CT' ? 'HU' : 'intensity';
  return set.features.map((f) => ({ ...f, unit: f.unit.replace('I', unit) }));
}

function describeRoi(args: FeaturesArgs): Record<string, unknown> {
  if (args.maskPaths.length > 0) return { kind: 'mask', paths: args.maskPaths };
  if (args.roi)
    return {
      kind: 'rectangle',
      x: args.roi[0],
      y: args.roi[1],
      width: args.roi[2],
      height: args.roi[3],
    };
  return { kind: 'whole' };
}

function print(args: FeaturesArgs, record: Success | Problem): void {
  if (args.json) {
    process.stdout.write(JSON.stringify(record) + '\n');
    return;
  }
  if (record.ok === false) {
    process.stdout.write(`ERROR ${record.code} ${record.file}: ${record.reason}\n`);
    return;
  }
  process.stdout.write(`# ${record.file} (${record.roiVoxels} voxels)\n`);
  for (const f of record.features) {
    process.stdout.write(
      `${f.name}\t${f.ibsiCode}\t${f.aggregation || '-'}\t${f.value}\t${f.unit}\n`,
    );
  }
}

function analyse(
  args: FeaturesArgs,
  series: LoadedSeries,
  roi: RoiVolume,
  where: Record<string, unknown>,
): Success | Problem {
  try {
    const set = computeFeatures(roi, args.params);
    return {
      ok: true,
      ...where,
      file: String(where.file),
      modality: series.modality,
      dims: roi.dims,
      spacingMm: roi.spacingMm,
      roi: describeRoi(args),
      params: set.params,
      roiVoxels: set.roiVoxels,
      features: withUnits(set, series.modality),
    };
  } catch (e) {
    const err = e as { code?: string; reason?: string };
    return {
      ok: false,
      code: err.code ?? 'analysis-failed',
      file: String(where.file),
      reason: err.reason ?? String(e),
    };
  }
}

export async function featuresCommand(argv: string[]): Promise<number> {
  let args: FeaturesArgs;
  try {
    args = parseFeaturesArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const images = await loadSeries(args.paths);
  const masks =
    args.maskPaths.length > 0 ? await loadSeries(args.maskPaths) : { series: [], errors: [] };
  for (const error of [...images.errors, ...masks.errors]) print(args, { ok: false, ...error });
  const maskUids = new Set(masks.series.map((m) => m.seriesInstanceUID));
  const perInstance = args.params.aggregation.startsWith('2d');
  let failures = images.errors.length + masks.errors.length;
  for (const series of images.series.filter((s) => !maskUids.has(s.seriesInstanceUID))) {
    const mask = roiMask(args, series, masks.series);
    if (typeof mask === 'string') {
      print(args, { ok: false, code: 'mask-mismatch', file: series.metas[0].file, reason: mask });
      failures++;
      continue;
    }
    const volume = volumeFromFrames(series.metas, series.frames);
    if (!perInstance) {
      const record = analyse(
        args,
        series,
        { ...volume, mask },
        {
          series: series.seriesInstanceUID,
          file: series.metas[0].file,
          files: [...new Set(series.metas.map((m) => m.file))],
        },
      );
      if (record.ok === false) failures++;
      print(args, record);
      continue;
    }
    const [nx, ny] = volume.dims;
    const plane = nx * ny;
    for (let z = 0; z < series.frames.length; z++) {
      const sliceMask = mask.subarray(z * plane, (z + 1) * plane);
      if (!sliceMask.some((v) => v !== 0)) continue; // slices outside the ROI have no features
      const meta = series.metas[z];
      const record = analyse(
        args,
        series,
        {
          values: volume.values.subarray(z * plane, (z + 1) * plane),
          mask: sliceMask,
          dims: [nx, ny, 1],
          spacingMm: volume.spacingMm,
        },
        {
          series: series.seriesInstanceUID,
          instance: meta.sopInstanceUID,
          file: meta.file,
          slice: z,
        },
      );
      if (record.ok === false) failures++;
      print(args, record);
    }
  }
  return failures > 0 ? 1 : 0;
}

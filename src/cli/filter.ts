// `consilium filter`: the IBSI 2 response map of one image (a NIfTI volume or a DICOM series),
// written as NIfTI on the image's own grid. It prints one Result record: the filter as its
// canonical spec, the grid, the response's range and where it was written.
import { seriesMapDicom } from '../core/dicom/write/seriesMap.ts';
import { writeFile } from 'node:fs/promises';
import { volumeFromFrames } from '../core/analysis/volumeFromFrames.ts';
import type { InstanceMeta } from '../core/dicom/types.ts';
import { filterResponse } from '../core/filters/applyFilter.ts';
import { niftiImageVolume } from '../core/filters/niftiFilter.ts';
import { niftiBytes, type NiftiOut } from '../core/filters/niftiWrite.ts';
import {
  filterLabel,
  filterOptionsFromString,
  parseFilterOptions,
  type FilterOptions,
} from '../core/filters/spec.ts';
import type { FilterSpec } from '../core/filters/types.ts';
import { readNifti } from '../core/masks/nifti.ts';
import { ok, ProblemError } from '../core/result.ts';
import { floatImage, type ImageVolume } from '../core/analysis/volume.ts';
import { loadImages } from './imageInputs.ts';
import { parseCommand, parseOrUsage, UsageError } from './io/commandArgs.ts';
import { problemAbout, writeRecord } from './io/records.ts';
import { readFile } from 'node:fs/promises';

const usage = `Usage: consilium filter <series-dir|file.nii[.gz]> --filter NAME [parameters] --out response.nii.gz [--json]
  NAME: mean | log | laws | gabor | wavelet | simoncelli | riesz-log | riesz-simoncelli
  (or a whole spec: --filter log:sigma=3,boundary=mirror)
  --boundary zero|nearest|periodic|mirror (default mirror)   --2d (per axial slice; default 3D)
  --rotation-invariant [--pooling max|average|min]           (24 right-angle rotations in 3D, 4 in 2D)
  mean:       --support M (voxels, odd)
  log:        --sigma MM [--truncate 4]
  laws:       --kernel E5L5S5 (one of L3 E3 S3 L5 E5 S5 W5 R5 per axis) [--delta D (energy map)]
  gabor:      --sigma MM --lambda MM [--gamma 1] [--theta DEG] [--theta-step DEG]
              [--planes axial|orthogonal] [--response modulus|real|imaginary]
  wavelet:    --wavelet haar|db1|db2|db3|coif1 --level N --response LHL (L/H per axis)
  simoncelli: --level N
  riesz-log:  --sigma MM --order 1,0,0      riesz-simoncelli: --level N --order 0,2,0
  The map is float32 NIfTI on the input's grid (gzip when --out ends in .gz), or, when --out ends
  in .dcm and the input is a DICOM series, a Multi-frame Grayscale Word Secondary Capture in the
  series' study (16-bit with the rescale that gives the values back), to store beside it:
  --stow URL [--stow-token-file F] stores that .dcm map into the study on a DICOMweb server.
`;

const filterFlags = [
  'support',
  'sigma',
  'truncate',
  'kernel',
  'delta',
  'lambda',
  'gamma',
  'theta',
  'theta-step',
  'planes',
  'response',
  'wavelet',
  'level',
  'order',
  'boundary',
  'pooling',
  'dims',
] as const;

const options = {
  filter: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  stow: { type: 'string' },
  'stow-token-file': { type: 'string' },
  '2d': { type: 'boolean' },
  'rotation-invariant': { type: 'boolean' },
  ...Object.fromEntries(filterFlags.map((f) => [f, { type: 'string' } as const])),
} as const;

export interface FilterArgs {
  file: string;
  out: string;
  spec: FilterSpec;
  json: boolean;
  /** A DICOMweb server to store the .dcm map into, in its source study. */
  stow?: { url: string; tokenFile?: string };
}

/** Throws a UsageError for a bad command line and a ProblemError for a bad filter. */
export function parseFilterArgs(argv: readonly string[]): FilterArgs {
  const { values: v, positionals } = parseCommand(argv, options);
  if (positionals.length !== 1)
    throw new UsageError('Give exactly one image: a series folder or a NIfTI file.');
  if (!v.out) throw new UsageError('Give --out <response.nii.gz | response.dcm>.');
  if (!v.filter) throw new UsageError('Give --filter NAME.');
  if (v.stow && !/\.dcm$/i.test(v.out))
    throw new UsageError('--stow stores the DICOM map: give --out map.dcm.');
  const flags: Record<string, string | boolean | undefined> = {
    ...filterOptionsFromString(v.filter),
    '2d': v['2d'],
    'rotation-invariant': v['rotation-invariant'],
  };
  const values = v as Record<string, string | boolean | undefined>;
  for (const f of filterFlags) if (values[f] !== undefined) flags[f] = values[f];
  for (const [k, val] of Object.entries(flags)) if (val === undefined) delete flags[k];
  return {
    file: positionals[0],
    out: v.out,
    spec: parseFilterOptions(flags as FilterOptions),
    json: !!v.json,
    ...(v.stow ? { stow: { url: v.stow, tokenFile: v['stow-token-file'] } } : {}),
  };
}

/** Voxel → LPS affine of a DICOM series stacked as volumeFromFrames stacks it. */
function seriesAffine(metas: readonly InstanceMeta[], v: ImageVolume): NiftiOut['affineLps'] {
  const first = metas[0];
  const o = first.imageOrientationPatient ?? [1, 0, 0, 0, 1, 0];
  const r = [o[0], o[1], o[2]];
  const c = [o[3], o[4], o[5]];
  const normal = [r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]];
  const p0 = first.imagePositionPatient ?? [0, 0, 0];
  const p1 = metas[1]?.imagePositionPatient;
  const k = p1 ? [0, 1, 2].map((a) => p1[a] - p0[a]) : normal.map((n) => n * v.spacingMm[2]);
  return [0, 1, 2].map(
    (a) =>
      [r[a] * v.spacingMm[0], c[a] * v.spacingMm[1], k[a], p0[a]] as [
        number,
        number,
        number,
        number,
      ],
  );
}

async function theImage(path: string): Promise<{
  file: string;
  image: ImageVolume;
  affine: NiftiOut['affineLps'];
  metas?: readonly InstanceMeta[];
}> {
  if (/\.nii(\.gz)?$/i.test(path)) {
    const v = readNifti(await readFile(path), path);
    return { file: path, image: niftiImageVolume(v), affine: v.affineLps };
  }
  const { series, errors } = await loadImages([path]);
  if (series.length === 0) {
    const e = errors[0];
    throw e
      ? new ProblemError(e.code, e.reason, e.params)
      : new ProblemError('no-image', 'there is no image to read', { file: path });
  }
  if (series.length > 1)
    throw new ProblemError(
      'several-images',
      `filter takes one series; this holds ${series.length}`,
      { file: path },
    );
  const s = series[0];
  const image = floatImage(volumeFromFrames(s.metas, s.frames)); // filters compute in float
  return { file: path, image, affine: seriesAffine(s.metas, image), metas: s.metas };
}

/** The response map as a Secondary Capture in the source series' study (DICOM input only):
 * the same object the workbench stores (core/dicom/write/seriesMap.ts). */
function derivedDicom(
  file: string,
  image: ImageVolume,
  values: Float32Array,
  metas: readonly InstanceMeta[] | undefined,
  label: string,
): Uint8Array {
  if (!metas?.length)
    throw new ProblemError(
      'no-dicom-source',
      'a .dcm map goes into the study of a DICOM series; this input is NIfTI, so write .nii.gz',
      { file },
    );
  const m = metas[0];
  return seriesMapDicom({
    dims: image.dims,
    values,
    description: label,
    slices: metas.map((x) => ({
      sopClassUid: x.sopClassUID,
      sopInstanceUid: x.sopInstanceUID,
      position: x.imagePositionPatient,
      orientation: x.imageOrientationPatient,
    })),
    sliceSpacingMm: image.spacingMm[2],
    source: {
      patientName: m.patientName,
      patientID: m.patientID,
      studyInstanceUID: m.studyInstanceUID,
      studyDate: m.studyDate,
    },
  });
}

async function filter(args: FilterArgs) {
  const { file, image, affine, metas } = await theImage(args.file);
  const started = performance.now();
  const values = filterResponse(image, args.spec);
  const elapsedMs = Math.round(performance.now() - started);
  const label = filterLabel(args.spec);
  const bytes = /\.dcm$/i.test(args.out)
    ? derivedDicom(file, image, values, metas, label)
    : niftiBytes(
        { dims: image.dims, values, affineLps: affine, description: label },
        /\.gz$/i.test(args.out),
      );
  await writeFile(args.out, bytes);
  const stored =
    args.stow && metas?.length
      ? await (
          await import('./io/dicomwebInputs.ts')
        ).stowDerived(args.stow.url, args.stow.tokenFile, bytes, metas[0].studyInstanceUID)
      : undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return {
    file,
    filter: label,
    dims: image.dims,
    spacingMm: image.spacingMm,
    min,
    max,
    elapsedMs,
    out: args.out,
    ...(stored !== undefined ? { stored } : {}),
  };
}

export async function filterCommand(argv: string[]): Promise<number> {
  let args: FilterArgs | { exit: number };
  try {
    args = parseOrUsage(argv, usage, parseFilterArgs);
  } catch (e) {
    writeRecord({ ok: false, error: problemAbout(e, 'bad-filter', '') });
    return 2;
  }
  if ('exit' in args) return args.exit;
  try {
    const value = await filter(args);
    if (args.json) writeRecord(ok(value));
    else
      process.stdout.write(
        `${value.file}\t${value.filter}\t${value.min}..${value.max}\t${value.out}\n`,
      );
    return 0;
  } catch (e) {
    writeRecord({ ok: false, error: problemAbout(e, 'filter-failed', args.file) });
    return 1;
  }
}

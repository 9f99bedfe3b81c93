// The images `consilium features` analyses: DICOM series as every command reads them, and NIfTI
// volumes (.nii, .nii.gz), each one series, placed among the DICOM series in input order.
import { resolve, sep } from 'node:path';
import type { LoadError } from '../core/dicom/types.ts';
import { looksLikeNifti, readNifti } from '../core/masks/nifti.ts';
import { niftiSlices } from '../core/masks/niftiImage.ts';
import { problemOf, type Problem } from '../core/result.ts';
import {
  decodeInput,
  groupSeries,
  type DecodedInstance,
  type LoadedSeries,
} from './analysisInput.ts';
import { walkInputs } from './io/walkInputs.ts';

export interface LoadedImages {
  series: LoadedSeries[];
  errors: (Problem & { file: string })[];
}

/** True when `file` is one of `paths` or lies in one of them (a folder). */
function within(file: string, paths: readonly string[]): boolean {
  const f = resolve(file);
  return paths.some((p) => {
    const r = resolve(p);
    return f === r || f.startsWith(r + sep);
  });
}

/**
 * Every image under `paths`; files also given as masks (`maskPaths`, e.g. the RTSTRUCT of a
 * study folder given as input) are masks, not images, and are left out.
 */
export async function loadImages(
  paths: readonly string[],
  maskPaths: readonly string[] = [],
): Promise<LoadedImages> {
  const errors: LoadedImages['errors'] = [];
  const instances: DecodedInstance[] = [];
  // Where each series was first met, so NIfTI and DICOM series keep the order they were given in.
  const firstSeen = new Map<string, number>();
  const nifti: LoadedSeries[] = [];
  let index = 0;
  for await (const input of walkInputs(paths)) {
    index++;
    if (!input.ok) {
      errors.push({ ...input.error, file: String(input.error.params.file) });
      continue;
    }
    const { file, bytes } = input.value;
    if (maskPaths.length > 0 && within(file, maskPaths)) continue;
    if (/\.nii(\.gz)?$/i.test(file) || looksLikeNifti(bytes)) {
      try {
        const slices = niftiSlices(readNifti(bytes, file));
        firstSeen.set(slices.seriesInstanceUID, index);
        nifti.push({ ...slices, modality: '' });
      } catch (e) {
        errors.push({ ...problemOf(e, 'invalid-nifti', { file }), file });
      }
      continue;
    }
    const loadErrors: LoadError[] = [];
    const decoded = await decodeInput(input.value, loadErrors);
    for (const e of loadErrors) errors.push({ ...problemOf(e, 'read-failed', { file }), file });
    if (!decoded) continue;
    instances.push(decoded);
    if (!firstSeen.has(decoded.meta.seriesInstanceUID))
      firstSeen.set(decoded.meta.seriesInstanceUID, index);
  }
  const series = [...groupSeries(instances), ...nifti];
  const at = (s: LoadedSeries) => firstSeen.get(s.seriesInstanceUID) ?? 0;
  return { series: series.sort((a, b) => at(a) - at(b)), errors };
}

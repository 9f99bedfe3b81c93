// A NIfTI volume taken as the image to analyse: one slice per k, each described like a DICOM
// slice (position, orientation and pixel spacing from the affine), so the analysis and the mask
// placement read it exactly as they read a DICOM series.
import type { DecodedFrame, InstanceMeta, Vec3 } from '../dicom/types.ts';
import type { NiftiVolume } from './nifti.ts';
import { niftiGrid } from './niftiMask.ts';

export interface NiftiSlices {
  seriesInstanceUID: string;
  metas: InstanceMeta[];
  frames: DecodedFrame[];
}

function sliceMeta(
  v: NiftiVolume,
  k: number,
  origin: Vec3 | null,
  orientation: InstanceMeta['imageOrientationPatient'],
  spacing: [number, number] | null,
  thickness: number | null,
): InstanceMeta {
  const [nx, ny] = v.dims;
  return {
    file: v.file,
    sizeBytes: 0,
    sopInstanceUID: `${v.file}#${k + 1}`,
    sopClassUID: '',
    studyInstanceUID: v.file,
    seriesInstanceUID: `nifti:${v.file}`,
    patientName: '',
    patientID: '',
    studyDate: '',
    studyDescription: '',
    seriesDescription: v.file,
    seriesNumber: null,
    instanceNumber: k + 1,
    accessionNumber: '',
    // NIfTI does not say what made the image; intensities are reported in image units.
    modality: '',
    frameOfReferenceUID: '',
    transferSyntaxUID: '',
    rows: ny,
    columns: nx,
    frames: 1,
    samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2',
    planarConfiguration: 0,
    bitsAllocated: 32,
    bitsStored: 32,
    highBit: 31,
    pixelRepresentation: 1,
    rescaleSlope: 1,
    rescaleIntercept: 0,
    windows: [],
    imagePositionPatient: origin,
    imageOrientationPatient: orientation,
    pixelSpacingMm: spacing,
    sliceThicknessMm: thickness,
  };
}

/** The volume as slices in its own k order, with their geometry when the affine gives one. */
export function niftiSlices(v: NiftiVolume): NiftiSlices {
  const [nx, ny, nz] = v.dims;
  const plane = nx * ny;
  const geometry = niftiGrid(v).geometry;
  const a = v.affineLps;
  const thickness = Math.hypot(a[0][2], a[1][2], a[2][2]);
  const metas: InstanceMeta[] = [];
  const frames: DecodedFrame[] = [];
  for (let k = 0; k < nz; k++) {
    const g = typeof geometry === 'string' ? null : geometry;
    const meta = sliceMeta(
      v,
      k,
      g ? g.origins[k] : null,
      g ? [...g.rowDirection, ...g.columnDirection] : null,
      // Pixel Spacing is row spacing (y) then column spacing (x).
      g ? [g.spacingMm[1], g.spacingMm[0]] : null,
      g && nz > 1 ? Math.abs(g.slicePositions[1] - g.slicePositions[0]) : thickness,
    );
    const values = v.values.slice(k * plane, (k + 1) * plane);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < values.length; i++) {
      if (values[i] < min) min = values[i];
      if (values[i] > max) max = values[i];
    }
    metas.push(meta);
    frames.push({ rows: ny, columns: nx, samplesPerPixel: 1, values, min, max, invert: false });
  }
  return { seriesInstanceUID: `nifti:${v.file}`, metas, frames };
}

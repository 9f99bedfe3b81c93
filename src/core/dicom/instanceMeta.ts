import type { DataSet } from './dicomParserTypes.ts';
import {
  decimal,
  decimalAsWritten,
  decimals,
  functionalGroup,
  int,
  text,
  uint16,
} from './dataSetValues.ts';
import type { InstanceMeta, Vec3 } from './types.ts';

function vec3(values: number[]): Vec3 | null {
  if (values.length < 3 || values.slice(0, 3).some((v) => !Number.isFinite(v))) return null;
  return [values[0], values[1], values[2]];
}

function orientation(values: number[]): InstanceMeta['imageOrientationPatient'] {
  if (values.length < 6 || values.slice(0, 6).some((v) => !Number.isFinite(v))) return null;
  return [values[0], values[1], values[2], values[3], values[4], values[5]];
}

/** The data set itself when it holds the tag, else the enhanced functional group macro that does. */
function holder(ds: DataSet, tag: string, macroTag: string): DataSet {
  if (ds.elements[tag]) return ds;
  return functionalGroup(ds, macroTag) ?? ds;
}

function windows(ds: DataSet): InstanceMeta['windows'] {
  const source = holder(ds, 'x00281050', 'x00289132');
  const centers = decimals(source, 'x00281050');
  const widths = decimals(source, 'x00281051');
  const explanations = text(source, 'x00281055').split('\\');
  return centers.flatMap((center, i) => {
    const width = widths[i];
    if (!Number.isFinite(center) || !Number.isFinite(width) || width <= 0) return [];
    return [{ center, width, explanation: explanations[i] ?? '' }];
  });
}

/** Header facts of one instance, read once; geometry from functional groups when enhanced. */
export function instanceMeta(
  ds: DataSet,
  file: string,
  sizeBytes: number,
  transferSyntaxUID: string,
): InstanceMeta {
  const rescale = holder(ds, 'x00281053', 'x00289145');
  const spacing = decimals(holder(ds, 'x00280030', 'x00289110'), 'x00280030');
  const thickness = holder(ds, 'x00180050', 'x00289110');
  return {
    file,
    sizeBytes,
    sopInstanceUID: text(ds, 'x00080018'),
    sopClassUID: text(ds, 'x00080016'),
    studyInstanceUID: text(ds, 'x0020000d'),
    seriesInstanceUID: text(ds, 'x0020000e'),
    patientName: text(ds, 'x00100010'),
    patientID: text(ds, 'x00100020'),
    studyDate: text(ds, 'x00080020'),
    studyDescription: text(ds, 'x00081030'),
    seriesDescription: text(ds, 'x0008103e'),
    seriesNumber: int(ds, 'x00200011'),
    instanceNumber: int(ds, 'x00200013'),
    accessionNumber: text(ds, 'x00080050'),
    modality: text(ds, 'x00080060'),
    frameOfReferenceUID: text(ds, 'x00200052'),
    transferSyntaxUID,
    rows: uint16(ds, 'x00280010', 0),
    columns: uint16(ds, 'x00280011', 0),
    frames: Math.max(1, int(ds, 'x00280008') ?? 1),
    samplesPerPixel: uint16(ds, 'x00280002', 1),
    photometricInterpretation: text(ds, 'x00280004'),
    planarConfiguration: uint16(ds, 'x00280006', 0),
    bitsAllocated: uint16(ds, 'x00280100', 0),
    bitsStored: uint16(ds, 'x00280101', 0),
    highBit: uint16(ds, 'x00280102', 0),
    pixelRepresentation: uint16(ds, 'x00280103', 0),
    // As written, so parseInstance can refuse a slope of "Infinity" or "NaN".
    rescaleSlope: decimalAsWritten(rescale, 'x00281053') ?? 1,
    rescaleIntercept: decimalAsWritten(rescale, 'x00281052') ?? 0,
    windows: windows(ds),
    imagePositionPatient: vec3(decimals(holder(ds, 'x00200032', 'x00209113'), 'x00200032')),
    imageOrientationPatient: orientation(
      decimals(holder(ds, 'x00200037', 'x00209116'), 'x00200037'),
    ),
    pixelSpacingMm:
      spacing.length >= 2 && spacing.every(Number.isFinite) ? [spacing[0], spacing[1]] : null,
    sliceThicknessMm: decimal(thickness, 'x00180050'),
  };
}

import type { InstanceMeta } from '../../core/dicom/types.ts';

export interface TagRow {
  tag: string;
  name: string;
  value: string;
}

const join = (v: readonly (number | string)[] | null) => (v ? v.join('\\') : '');

/** The header facts the index keeps, as tag rows. */
export function headerRows(m: InstanceMeta): TagRow[] {
  const rows: [string, string, string | number | null][] = [
    ['(0002,0010)', 'Transfer Syntax UID', m.transferSyntaxUID],
    ['(0008,0016)', 'SOP Class UID', m.sopClassUID],
    ['(0008,0018)', 'SOP Instance UID', m.sopInstanceUID],
    ['(0008,0020)', 'Study Date', m.studyDate],
    ['(0008,0050)', 'Accession Number', m.accessionNumber],
    ['(0008,0060)', 'Modality', m.modality],
    ['(0008,1030)', 'Study Description', m.studyDescription],
    ['(0008,103E)', 'Series Description', m.seriesDescription],
    ['(0010,0010)', "Patient's Name", m.patientName],
    ['(0010,0020)', 'Patient ID', m.patientID],
    ['(0018,0050)', 'Slice Thickness', m.sliceThicknessMm],
    ['(0020,000D)', 'Study Instance UID', m.studyInstanceUID],
    ['(0020,000E)', 'Series Instance UID', m.seriesInstanceUID],
    ['(0020,0011)', 'Series Number', m.seriesNumber],
    ['(0020,0013)', 'Instance Number', m.instanceNumber],
    ['(0020,0032)', 'Image Position (Patient)', join(m.imagePositionPatient)],
    ['(0020,0037)', 'Image Orientation (Patient)', join(m.imageOrientationPatient)],
    ['(0028,0002)', 'Samples per Pixel', m.samplesPerPixel],
    ['(0028,0004)', 'Photometric Interpretation', m.photometricInterpretation],
    ['(0028,0008)', 'Number of Frames', m.frames],
    ['(0028,0010)', 'Rows', m.rows],
    ['(0028,0011)', 'Columns', m.columns],
    ['(0028,0030)', 'Pixel Spacing', join(m.pixelSpacingMm)],
    ['(0028,0100)', 'Bits Allocated', m.bitsAllocated],
    ['(0028,0101)', 'Bits Stored', m.bitsStored],
    ['(0028,0103)', 'Pixel Representation', m.pixelRepresentation],
    ['(0028,1050)', 'Window Center', join(m.windows.map((w) => w.center))],
    ['(0028,1051)', 'Window Width', join(m.windows.map((w) => w.width))],
    ['(0028,1052)', 'Rescale Intercept', m.rescaleIntercept],
    ['(0028,1053)', 'Rescale Slope', m.rescaleSlope],
  ];
  return rows.map(([tag, name, value]) => ({
    tag,
    name,
    value: value === null ? '' : String(value),
  }));
}

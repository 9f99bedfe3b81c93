// Telling mask files apart by their bytes: NIfTI (.nii, .nii.gz), DICOM RTSTRUCT, DICOM SEG, or
// none of these (a DICOM image, which callers read as a slice of a label-map series).
import { text } from '../dicom/dataSetValues.ts';
import type { DataSet } from '../dicom/dicomParserTypes.ts';
import { readDataSet } from '../dicom/readDataSet.ts';
import { ProblemError } from '../result.ts';
import { looksLikeNifti, readNifti, type NiftiVolume } from './nifti.ts';
import { readMaskDataSet } from './readMaskDataSet.ts';
import { rtStructFromDataSet, rtStructureSetStorage, type RtStruct } from './rtstruct.ts';
import { segFromDataSet, segmentationStorage, type Seg } from './seg.ts';

export type MaskFile = RtStruct | Seg | NiftiVolume;

function kindOf(ds: DataSet): 'rtstruct' | 'seg' | '' {
  const sopClass = text(ds, 'x00080016');
  const modality = text(ds, 'x00080060');
  if (sopClass === rtStructureSetStorage || modality === 'RTSTRUCT') return 'rtstruct';
  if (sopClass === segmentationStorage || modality === 'SEG') return 'seg';
  return '';
}

/** What the elements read before a failure say the file is. */
function partialKind(bytes: Uint8Array): 'rtstruct' | 'seg' | '' {
  try {
    const raw = readDataSet(bytes);
    return 'notDicom' in raw ? '' : kindOf(raw.dataSet);
  } catch {
    return '';
  }
}

/**
 * The mask a file holds, or null when it is none of NIfTI, RTSTRUCT or SEG. Throws ProblemError
 * (invalid-nifti, invalid-rtstruct, invalid-seg, limit-exceeded) when it is one but cannot be used.
 */
export function readMaskFile(bytes: Uint8Array, file: string): MaskFile | null {
  if (/\.nii(\.gz)?$/i.test(file) || looksLikeNifti(bytes)) return readNifti(bytes, file);
  let ds: DataSet;
  try {
    ds = readMaskDataSet(bytes, file, 'invalid-mask', 'file');
  } catch (e) {
    // Unreadable: an RTSTRUCT or SEG says so here; anything else is left to the image reader.
    const kind = partialKind(bytes);
    if (kind === '' || !(e instanceof ProblemError)) return null;
    throw new ProblemError(kind === 'seg' ? 'invalid-seg' : 'invalid-rtstruct', e.reason, e.params);
  }
  const kind = kindOf(ds);
  if (kind === 'rtstruct') return rtStructFromDataSet(ds, file);
  if (kind === 'seg') return segFromDataSet(ds, bytes, file);
  return null;
}

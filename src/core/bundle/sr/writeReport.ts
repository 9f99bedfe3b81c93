import type { DcmjsDataset } from 'dcmjs';
import { writePart10 } from '../../dicom/write/part10File.ts';
import { COMPREHENSIVE_SR } from './measurementReport';

/** A Part 10 file (preamble, file meta, explicit VR little endian) holding the report. */
export function writeReport(dataset: DcmjsDataset): Uint8Array {
  const sopInstanceUid = String(dataset['00080018']?.Value?.[0] ?? '');
  return writePart10(dataset, { sopClassUid: COMPREHENSIVE_SR, sopInstanceUid });
}

import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { COMPREHENSIVE_SR } from './measurementReport';

const EXPLICIT_LE = '1.2.840.10008.1.2.1';
// dcmjs's own implementation class UID would misname the writer; this is Consilium's 2.25 root.
const IMPLEMENTATION_CLASS_UID = '2.25.271006418391547203851040563052163211347';

/** A Part 10 file (preamble, file meta, explicit VR little endian) holding the report. */
export function writeReport(dataset: DcmjsDataset): Uint8Array {
  const sopInstanceUid = String(dataset['00080018']?.Value?.[0] ?? '');
  const meta: DcmjsDataset = {
    '00020001': { vr: 'OB', Value: [new Uint8Array([0, 1]).buffer] },
    '00020002': { vr: 'UI', Value: [COMPREHENSIVE_SR] },
    '00020003': { vr: 'UI', Value: [sopInstanceUid] },
    '00020010': { vr: 'UI', Value: [EXPLICIT_LE] },
    '00020012': { vr: 'UI', Value: [IMPLEMENTATION_CLASS_UID] },
    '00020013': { vr: 'SH', Value: ['CONSILIUM'] },
  };
  const dict = new dcmjs.data.DicomDict(meta);
  dict.dict = dataset;
  return new Uint8Array(dict.write());
}

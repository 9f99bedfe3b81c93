import dcmjs, { type DcmjsDataset } from 'dcmjs';

export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
// dcmjs's own implementation class UID would misname the writer; this is Consilium's 2.25 root.
const IMPLEMENTATION_CLASS_UID = '2.25.271006418391547203851040563052163211347';

/**
 * A dataset as a Part 10 file (preamble, file meta naming Consilium as the writer), for every
 * DICOM object Consilium writes: reports, secondary captures, and instances rebuilt from a PACS.
 */
export function writePart10(
  dataset: DcmjsDataset,
  o: { sopClassUid: string; sopInstanceUid: string; transferSyntax?: string },
  writeOptions?: Record<string, unknown>,
): Uint8Array {
  const meta: DcmjsDataset = {
    '00020001': { vr: 'OB', Value: [new Uint8Array([0, 1]).buffer] },
    '00020002': { vr: 'UI', Value: [o.sopClassUid] },
    '00020003': { vr: 'UI', Value: [o.sopInstanceUid] },
    '00020010': { vr: 'UI', Value: [o.transferSyntax ?? EXPLICIT_LE] },
    '00020012': { vr: 'UI', Value: [IMPLEMENTATION_CLASS_UID] },
    '00020013': { vr: 'SH', Value: ['CONSILIUM'] },
  };
  const file = new dcmjs.data.DicomDict(meta);
  file.dict = dataset;
  return new Uint8Array(file.write(writeOptions));
}

import dcmjs from 'dcmjs';
import {
  deidentifyDataset,
  deidentifyMeta,
  emptyCounts,
  type DeidCounts,
  type DeidOptions,
} from './deidentifyDataset';
import { ProblemError } from '../result.ts';

export interface DeidFileResult {
  readonly bytes: Uint8Array;
  readonly counts: DeidCounts;
}

const DEFLATED = '1.2.840.10008.1.2.1.99';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

/**
 * De-identify one Part 10 file. Throws a ProblemError (code DEID_UNREADABLE, params.file) the
 * caller can show when dcmjs cannot read it.
 */
export async function deidentifyFile(
  bytes: Uint8Array,
  options: DeidOptions,
  file?: string,
): Promise<DeidFileResult> {
  let parsed;
  try {
    const buffer = bytes.slice().buffer;
    parsed = dcmjs.data.DicomMessage.readFile(buffer);
  } catch (err) {
    const reason = `This file could not be read as DICOM for de-identification: ${String((err as Error).message ?? err)}`;
    throw new ProblemError('DEID_UNREADABLE', reason, file === undefined ? {} : { file });
  }
  const counts = emptyCounts();
  const meta = await deidentifyMeta(parsed.meta, options);
  // dcmjs inflates a deflated data set on read but writes it back plain, so say so in the header.
  if (meta['00020010']?.Value?.[0] === DEFLATED)
    meta['00020010'] = { vr: 'UI', Value: [EXPLICIT_LE] };
  const dict = new dcmjs.data.DicomDict(meta);
  dict.dict = await deidentifyDataset(parsed.dict, options, counts);
  return { bytes: new Uint8Array(dict.write()), counts };
}

// Reading the data set of an RTSTRUCT or SEG file with the project's DICOM reader: the bounds it
// enforces (inflated size, sequence depth and items) apply to mask files too.
import type { DataSet } from '../dicom/dicomParserTypes.ts';
import { readDataSet } from '../dicom/readDataSet.ts';
import { ProblemError } from '../result.ts';

/** The whole data set, or a ProblemError with `code` saying why the file cannot be read. */
export function readMaskDataSet(
  bytes: Uint8Array,
  file: string,
  code: string,
  what: string,
): DataSet {
  let raw: ReturnType<typeof readDataSet>;
  try {
    raw = readDataSet(bytes);
  } catch (e) {
    // dicom-parser throws strings on some damage; a bad mask file costs only its own ROIs.
    throw new ProblemError(code, `${file}: the ${what} cannot be read (${String(e)})`, { file });
  }
  if ('notDicom' in raw) throw new ProblemError(code, `${file}: ${raw.notDicom}`, { file });
  // Limits the reader enforces (when it does) come back as a problem with a plain reason.
  const limit = (raw as { problem?: { reason: string } }).problem;
  if (limit) throw new ProblemError(code, `${file}: ${limit.reason}`, { file });
  if (raw.parseError) {
    throw new ProblemError(code, `${file}: the ${what} cannot be read (${raw.parseError})`, {
      file,
    });
  }
  return raw.dataSet;
}

import { decodeFrame } from './decode.ts';
import type { DicomLimits } from './limits.ts';
import { frameStatistics } from './frameStatistics.ts';
import { asLoadError } from './loadError.ts';
import { parseInstance } from './parse.ts';
import type { LoadError, LoadErrorCode } from './types.ts';

/** What `consilium inspect` reports for one file. */
export interface InspectReport {
  path: string;
  ok: boolean;
  code?: LoadErrorCode;
  error?: string;
  sopInstanceUID?: string;
  modality?: string;
  transferSyntaxUID?: string;
  rows?: number;
  columns?: number;
  frames?: number;
  photometricInterpretation?: string;
  min?: number;
  max?: number;
  mean?: number;
  /** How the first frame was decoded, when a reader should know (see DecodedFrame.note). */
  note?: string;
  /** The values a failure's reason names (the limit, the size found), when it has any. */
  params?: LoadError['params'];
}

function failure(path: string, error: LoadError): InspectReport {
  const report: InspectReport = { path, ok: false, code: error.code, error: error.reason };
  return error.params ? { ...report, params: error.params } : report;
}

/** Reads the header, decodes the first frame and summarises it; failures become the report. */
export async function inspectFile(
  bytes: Uint8Array,
  path: string,
  limits?: Partial<DicomLimits>,
): Promise<InspectReport> {
  const parsed = parseInstance(bytes, path, { limits });
  if (!parsed.ok) return failure(path, parsed.error);
  const { meta } = parsed;
  const header = {
    sopInstanceUID: meta.sopInstanceUID,
    modality: meta.modality,
    transferSyntaxUID: meta.transferSyntaxUID,
    rows: meta.rows,
    columns: meta.columns,
    frames: meta.frames,
    photometricInterpretation: meta.photometricInterpretation,
  };
  try {
    const frame = await decodeFrame(bytes, meta, 0, { limits });
    const note = frame.note ? { note: frame.note } : {};
    return { path, ok: true, ...header, ...frameStatistics(frame.values), ...note };
  } catch (e) {
    return { ...failure(path, asLoadError(e, path)), ...header };
  }
}

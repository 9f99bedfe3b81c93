import { decodeFrame } from './decode.ts';
import { frameStatistics } from './frameStatistics.ts';
import { asLoadError } from './loadError.ts';
import { parseInstance } from './parse.ts';
import type { LoadErrorCode } from './types.ts';

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
}

/** Reads the header, decodes the first frame and summarises it; failures become the report. */
export async function inspectFile(bytes: Uint8Array, path: string): Promise<InspectReport> {
  const parsed = parseInstance(bytes, path);
  if (!parsed.ok) return { path, ok: false, code: parsed.error.code, error: parsed.error.reason };
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
    const frame = await decodeFrame(bytes, meta, 0);
    return { path, ok: true, ...header, ...frameStatistics(frame.values) };
  } catch (e) {
    const error = asLoadError(e, path);
    return { path, ok: false, code: error.code, error: error.reason, ...header };
  }
}

import type { LoadError, LoadErrorCode } from './types.ts';

/**
 * Thrown by decodeFrame. It carries the same { code, file, reason } as a LoadError, so a worker
 * can post `asLoadError(e, file)` as plain data (structured clone drops Error subclasses).
 */
export class DicomLoadError extends Error implements LoadError {
  constructor(
    readonly code: LoadErrorCode,
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DicomLoadError';
  }
}

/** Any thrown value as a plain LoadError; unknown failures become "decode-failed". */
export function asLoadError(e: unknown, file: string): LoadError {
  if (e instanceof DicomLoadError) return { code: e.code, file: e.file, reason: e.reason };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'decode-failed', file, reason: `the image could not be decoded (${message})` };
}

import type { LoadError, LoadErrorCode } from './types.ts';

/**
 * Thrown by decodeFrame. It carries the same { code, file, reason } as a LoadError, so a worker
 * can post `asLoadError(e, file)` as plain data (structured clone drops Error subclasses).
 */
export class DicomLoadError extends Error implements LoadError {
  readonly params?: LoadError['params'];
  constructor(
    readonly code: LoadErrorCode,
    readonly file: string,
    readonly reason: string,
    params?: LoadError['params'],
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DicomLoadError';
    if (params) this.params = params;
  }
}

/**
 * A problem found inside core before the file's name is known there (the inflater, the codecs):
 * decodeFrame and parseInstance turn it into a DicomLoadError for the file.
 */
export class DicomProblem extends Error {
  constructor(
    readonly code: LoadErrorCode,
    readonly reason: string,
    readonly params?: LoadError['params'],
  ) {
    super(reason);
    this.name = 'DicomProblem';
  }
}

/** Any thrown value as a plain LoadError; unknown failures become "decode-failed". */
export function asLoadError(e: unknown, file: string): LoadError {
  if (e instanceof DicomLoadError) {
    const out: LoadError = { code: e.code, file: e.file, reason: e.reason };
    return e.params ? { ...out, params: e.params } : out;
  }
  if (e instanceof DicomProblem) {
    const out: LoadError = { code: e.code, file, reason: e.reason };
    return e.params ? { ...out, params: e.params } : out;
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'decode-failed', file, reason: `the image could not be decoded (${message})` };
}

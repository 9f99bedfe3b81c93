// Errors a user can meet while loading a model or running it. Plain data (they cross worker
// boundaries by structured clone), with a stable code and the file they concern.

export type InferenceErrorCode =
  | 'card-invalid'
  | 'model-unreadable'
  | 'model-sha256-mismatch'
  | 'model-input-mismatch'
  | 'model-output-mismatch'
  | 'image-unsupported'
  | 'feature-missing'
  | 'inference-failed'
  | 'aborted';

export interface InferenceError {
  code: InferenceErrorCode;
  file: string;
  reason: string;
}

/** Thrown inside core; carries the plain InferenceError so callers can report it as data. */
export class InferenceFailure extends Error {
  readonly error: InferenceError;
  constructor(code: InferenceErrorCode, file: string, reason: string) {
    super(`${file}: ${reason} [${code}]`);
    this.name = 'InferenceFailure';
    this.error = { code, file, reason };
  }
}

/** The plain error for anything thrown, keeping codes from InferenceFailure. */
export function toInferenceError(
  err: unknown,
  file: string,
  code: InferenceErrorCode = 'inference-failed',
): InferenceError {
  if (err instanceof InferenceFailure) return err.error;
  const reason = err instanceof Error ? err.message : String(err);
  return { code, file, reason };
}

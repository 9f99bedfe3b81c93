// The part of AbortSignal core needs (core's lib has no DOM types).
import { InferenceFailure } from './errors.ts';

export interface AbortSignalLike {
  readonly aborted: boolean;
}

export function throwIfAborted(signal: AbortSignalLike | undefined, file: string): void {
  if (signal?.aborted) throw new InferenceFailure('aborted', file, "stopped at the user's request");
}

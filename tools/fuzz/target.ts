// What a fuzz target is, and what counts as a finding. The oracle: every input ends in the
// target's documented error shape (a ParseResult/DicomLoadError, a BundleError, { ok: false }),
// never in another exception, never in an `ok` that breaks a stated promise, and in bounded time.
import type fc from 'fast-check';

export const TARGETS = ['dicom', 'zip', 'bundle', 'encryption'] as const;
export type TargetName = (typeof TARGETS)[number];

export type FindingKind =
  | 'uncaught' // an exception that is not the target's error shape
  | 'wrong-ok' // accepted, but the result breaks a promise (non-finite values, wrong size, …)
  | 'differential' // accepted, but an independent reader sees different bytes
  | 'slow' // finished, past the time bound
  | 'timeout' // did not finish (the long run's watchdog ended it)
  | 'crash' // the thread running it died (out of memory, abort)
  | 'memory'; // it raised the process's peak memory past the bound

export interface Verdict {
  readonly kind: FindingKind;
  readonly message: string;
}

export interface Target<P> {
  readonly name: TargetName;
  /** Extension of the finding files, so a finding opens with the right tool. */
  readonly ext: string;
  readonly plan: fc.Arbitrary<P>;
  /** Seed inputs built in the repository: the same bytes on every run (deterministic). */
  seeds(): Promise<Uint8Array[]>;
  /** Which seed a plan mutates (taken modulo the number of seeds). */
  seedOf(plan: P): number;
  /** The input a plan describes: a seed, mutated. */
  build(plan: P, seeds: readonly Uint8Array[]): Promise<Uint8Array>;
  /** undefined when the input ended as documented. */
  check(bytes: Uint8Array): Promise<Verdict | undefined>;
}

/** "RangeError: Invalid typed array length: -4 at readRle (src/core/dicom/codecs/rle.ts)". */
export function describeThrow(where: string, e: unknown): string {
  if (!(e instanceof Error)) return `${where} threw ${typeof e}: ${String(e)}`;
  const frame = (e.stack ?? '')
    .split('\n')
    .slice(1)
    .map((l) => /at (?:(\S+) )?\(?(?:file:\/\/)?\S*?((?:src|node_modules)\/[^:)]+)/.exec(l))
    .find((m) => m);
  const at = frame ? ` at ${frame[1] ?? '<anonymous>'} (${frame[2]})` : '';
  return `${where} threw ${e.name}: ${e.message}${at}`;
}

export function uncaught(where: string, e: unknown): Verdict {
  return { kind: 'uncaught', message: describeThrow(where, e) };
}

/**
 * What two findings of one bug share: numbers, quoted text and hex runs blanked, so the long
 * run keeps one (the smallest) input per bug rather than thousands.
 */
export function signature(target: TargetName, v: Verdict): string {
  const message = v.message
    .replace(/"[^"]*"|'[^']*'/g, '"…"')
    .replace(/\b[0-9a-f]{16,}\b/gi, 'H')
    .replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, 'N');
  return `${target}/${v.kind}/${message}`;
}

import type { TFunction } from 'i18next';
import type { Problem } from '../../core/result.ts';

/**
 * The words for a Problem from core: its code looked up in the "problems" namespace with its
 * params, falling back to core's English reason for a code not yet translated (never a raw key).
 * English entries may be "{{reason}}": core's own English words, which name the exact file,
 * size and limit, are already the best English.
 */
export function problemText(t: TFunction, problem: Pick<Problem, 'code' | 'reason' | 'params'>) {
  return t(`problems:${problem.code}`, {
    ...(problem.params as Record<string, unknown> | undefined),
    reason: problem.reason,
    defaultValue: problem.reason,
  });
}

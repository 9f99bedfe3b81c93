import type { TFunction } from 'i18next';
import { problemOf } from '../../core/result.ts';
import { problemText } from '../i18n/problemText.ts';
import { ExportProblem } from './actions/exportBundle.ts';

/** Why an export stopped, in the page's language: the step that failed, then core's problem. */
export function exportProblemText(t: TFunction, e: unknown): string {
  const outer = problemText(t, problemOf(e, 'export-failed'));
  return e instanceof ExportProblem && e.inner ? `${outer}: ${problemText(t, e.inner)}` : outer;
}

// Remaining time of a run from its pace so far: (elapsed / done) × remaining, once something is
// done; shown in whole seconds or minutes.
import type { TFunction } from 'i18next';

export function etaMs(done: number, total: number, elapsedMs: number): number | undefined {
  if (done <= 0 || done >= total || elapsedMs <= 0) return undefined;
  return (elapsedMs / done) * (total - done);
}

/** In the page's language when given its t (English otherwise, as the CLI and tests read it). */
export function formatEta(ms: number | undefined, t?: TFunction): string {
  if (ms === undefined) return '';
  const s = Math.ceil(ms / 1000);
  const m = Math.floor(s / 60);
  if (t) return s < 60 ? t('cases:eta.seconds', { s }) : t('cases:eta.minutes', { m, s: s % 60 });
  if (s < 60) return `about ${s} s left`;
  return `about ${m} min ${s % 60} s left`;
}

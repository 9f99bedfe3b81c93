import type { TFunction } from 'i18next';

/**
 * Core's note on where a job ran ("CPU chosen", "<adapter> is a software adapter", …) in the
 * reader's language. Adapter names and GPU errors are the browser's own words and stay as given.
 */
export function computeNote(note: string, t: TFunction): string {
  if (note === 'CPU chosen') return t('analysis:compute.note.cpuChosen');
  if (note === 'this browser has no WebGPU') return t('analysis:compute.note.noWebGpu');
  if (note === 'no WebGPU adapter') return t('analysis:compute.note.noAdapter');
  const software = /^(.*) is a software adapter$/.exec(note);
  if (software) return t('analysis:compute.note.software', { adapter: software[1] });
  const failed = /^GPU failed: (.*)$/s.exec(note);
  if (failed) return t('analysis:compute.note.failed', { error: failed[1] });
  return note;
}

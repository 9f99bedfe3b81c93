import type { IngestSource } from '../../workers/ingest.worker.ts';

const byName = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Sources in the order they are parsed: by path, numbers as numbers (IM2 before IM10), so the
 * first one parsed, and shown, is slice 1 of a numbered export, not whichever file the picker
 * or the drop listed first.
 */
export function parseOrder(sources: readonly IngestSource[]): IngestSource[] {
  return [...sources].sort((a, b) => byName(a.file, b.file));
}

import type { TagRow } from '../../core/dicom/dumpTags.ts';

/**
 * Rows whose tag, name, VR or value contains every word of the query (case-insensitive);
 * "0028,0010", "(0028,0010)" and "00280010" all find Rows.
 */
export function filterTags<R extends TagRow>(rows: R[], query: string): R[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const text =
      `${r.tag} ${r.tag.replace(/[(),]/g, '')} ${r.vr} ${r.name ?? ''} ${r.value}`.toLowerCase();
    return words.every((w) => text.includes(w.replace(/[()]/g, '')));
  });
}

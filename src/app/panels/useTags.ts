import { useEffect, useState } from 'react';
import type { TagRow } from '../../core/dicom/dumpTags.ts';
import { isPrivateTag, tagInfo } from '../../core/dicom/tagDictionary.ts';
import { sourceOf } from '../ingest/sources.ts';
import { ingestPool } from '../services/workers.ts';

/** A row named from the full PS3.6 dictionary, with whether the tag is retired or private. */
export interface NamedTagRow extends TagRow {
  retired?: boolean;
  private?: boolean;
}

export interface TagsState {
  file: string | null;
  rows: NamedTagRow[];
  error: string | null;
}

export function nameRows(rows: readonly TagRow[]): NamedTagRow[] {
  return rows.map((r) => {
    const info = tagInfo(r.tag);
    const group = parseInt(r.tag.slice(1, 5), 16);
    return {
      ...r,
      ...(info ? { name: info.keyword, retired: info.retired } : {}),
      // Implicit VR files carry no VR: the dictionary's is shown.
      vr: r.vr || info?.vr || '',
      ...(isPrivateTag(group) ? { private: true } : {}),
    };
  });
}

/** Every element of one file's header, listed in a worker. */
export function useTags(file: string | undefined): TagsState {
  const [state, setState] = useState<TagsState>({ file: null, rows: [], error: null });
  useEffect(() => {
    const blob = file ? sourceOf(file) : undefined;
    if (!file || !blob) return;
    let live = true;
    // While the user scrolls, list the header of the slice they stop on, not of every slice.
    const timer = setTimeout(() => {
      ingestPool.call(undefined, 'tags', blob).then(
        (r) =>
          live &&
          setState(
            r.ok
              ? { file, rows: nameRows(r.value), error: null }
              : { file, rows: [], error: r.error.reason },
          ),
        (e: unknown) => live && setState({ file, rows: [], error: String(e) }),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [file]);
  return state.file === file ? state : { file: null, rows: [], error: null };
}

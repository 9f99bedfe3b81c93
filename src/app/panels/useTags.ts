import { useEffect, useState } from 'react';
import type { TagRow } from '../../core/dicom/dumpTags.ts';
import { sourceOf } from '../ingest/sources.ts';
import { ingestPool } from '../services/workers.ts';

export interface TagsState {
  file: string | null;
  rows: TagRow[];
  error: string | null;
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
            r.ok ? { file, rows: r.value, error: null } : { file, rows: [], error: r.error.reason },
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

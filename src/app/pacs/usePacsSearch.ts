// One page of a QIDO-RS study search at a time, with the offsets of the pages before it.
import { useState } from 'react';
import {
  searchStudies,
  type Found,
  type StudyQuery,
  type StudySummary,
} from '../../core/dicomweb/qido.ts';
import { problemOf, type Problem } from '../../core/result.ts';
import { pacsClient } from './pacsClient.ts';
import type { PacsConfig } from './pacsServers.ts';

export const PAGE_SIZE = 25;

export interface SearchState {
  readonly busy: boolean;
  /** Shown with problemText, in the page's language. */
  readonly error?: Problem;
  readonly found?: Found<StudySummary>;
  readonly offset: number;
}

export function usePacsSearch() {
  const [state, setState] = useState<SearchState>({ busy: false, offset: 0 });
  const run = async (config: PacsConfig, query: StudyQuery, offset: number) => {
    setState((s) => ({ ...s, busy: true, error: undefined }));
    try {
      const found = await searchStudies(pacsClient(config), query, { offset, limit: PAGE_SIZE });
      setState({ busy: false, found, offset });
    } catch (e) {
      setState({ busy: false, offset, error: problemOf(e, 'dicomweb-failed') });
    }
  };
  return { state, run };
}

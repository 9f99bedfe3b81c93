import { useEffect, useState } from 'react';
import type { StudyView, StudyViewOptions } from '../../core/models/study/studyView.ts';
import { manifestsOf } from '../bundles/actions/library.ts';
import { bundleWorker } from '../services/workers.ts';
import { relabelled, type CaseLabels } from './relabel.ts';

export type StudyState =
  | { readonly kind: 'busy' }
  | { readonly kind: 'ready'; readonly view: StudyView }
  | { readonly kind: 'error'; readonly code: string; readonly text: string };

/** The study of the chosen bundles (with a labels CSV's labels), recomputed in the bundle worker
 * when the choice changes. */
export function useStudy(ids: readonly string[], options: StudyViewOptions, labels?: CaseLabels) {
  const request = JSON.stringify({ ids, options, labels });
  const [answer, setAnswer] = useState<{ request: string; state: StudyState }>();
  useEffect(() => {
    if (ids.length === 0) return;
    // Not aborted on change (that would end the worker an import may be using): a stale answer
    // names an older request and is ignored.
    let current = true;
    const asked = JSON.parse(request) as {
      ids: string[];
      options: StudyViewOptions;
      labels?: CaseLabels;
    };
    manifestsOf(asked.ids)
      .then((manifests) =>
        bundleWorker.call(undefined, 'study', relabelled(manifests, asked.labels), asked.options),
      )
      .then(
        (r): StudyState =>
          r.ok
            ? { kind: 'ready', view: r.value }
            : { kind: 'error', code: r.error.code, text: r.error.reason },
        (e: unknown): StudyState => ({
          kind: 'error',
          code: 'study-failed',
          text: e instanceof Error ? e.message : String(e),
        }),
      )
      .then((state) => {
        if (current) setAnswer({ request, state });
      });
    return () => {
      current = false;
    };
    // `request` encodes ids and options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  return answer?.request === request ? answer.state : ({ kind: 'busy' } as const);
}

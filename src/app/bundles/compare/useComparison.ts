import { useEffect, useState } from 'react';
import type { ComparisonView } from '../../../core/bundle/compareView.ts';
import { problemOf, type Problem } from '../../../core/result.ts';
import { bundleWorker } from '../../services/workers.ts';
import { manifestsOf } from '../actions/library.ts';

export type ComparisonState =
  | { readonly kind: 'busy' }
  | { readonly kind: 'ready'; readonly view: ComparisonView }
  | { readonly kind: 'error'; readonly problem: Problem };

/** The comparison of the chosen bundles, recomputed in the worker when the choice changes. */
export function useComparison(ids: readonly string[], feature: string | undefined) {
  const request = `${ids.join(',')}|${feature ?? ''}`;
  const [answer, setAnswer] = useState<{ request: string; state: ComparisonState }>();
  useEffect(() => {
    if (ids.length === 0) return;
    // Not aborted on change: aborting would terminate the worker an import may be using.
    // A stale answer is ignored because it names an older request.
    let current = true;
    manifestsOf(request.split('|')[0].split(','))
      .then((manifests) => bundleWorker.call(undefined, 'compare', manifests, feature))
      .then(
        (r): ComparisonState =>
          r.ok ? { kind: 'ready', view: r.value } : { kind: 'error', problem: r.error },
        (e: unknown): ComparisonState => ({
          kind: 'error',
          problem: problemOf(e, 'compare-failed'),
        }),
      )
      .then((state) => {
        if (current) setAnswer({ request, state });
      });
    return () => {
      current = false;
    };
    // `request` encodes ids and feature.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  return answer?.request === request ? answer.state : ({ kind: 'busy' } as const);
}

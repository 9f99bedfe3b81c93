// The case table's rows from the store: the model shown is the one "Classify all" used, else the
// one with the most predictions (e.g. restored after a reload).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { StoredPrediction } from '../store/predictionsSlice.ts';
import { useStore } from '../store/store.ts';
import { caseRows, filterRows, sortRows, type CaseRow } from './caseRows.ts';
import { useCases } from './casesStore.ts';

function commonestModel(predictions: Record<string, StoredPrediction>): string | undefined {
  const counts = new Map<string, number>();
  for (const p of Object.values(predictions))
    counts.set(p.model.sha256, (counts.get(p.model.sha256) ?? 0) + 1);
  let best: string | undefined;
  for (const [sha, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = sha;
  return best;
}

export function useCaseRows(): { all: CaseRow[]; shown: CaseRow[]; labelOptions: string[] } {
  const { patients, stacks, predictions, labels } = useStore(
    useShallow((s) => ({
      patients: s.patients,
      stacks: s.stacks,
      predictions: s.predictions,
      labels: s.labels,
    })),
  );
  const { chosen, sort, filter } = useCases(
    useShallow((s) => ({ chosen: s.modelSha256, sort: s.sort, filter: s.filter })),
  );
  const modelSha256 = chosen ?? commonestModel(predictions);
  // t changes with the language, so a switch renames (and re-sorts) the numbered series.
  const { t } = useTranslation('cases');
  const all = useMemo(
    () =>
      caseRows({
        patients,
        stacks,
        predictions,
        labels,
        modelSha256,
        numbered: (number) => t('seriesNumber', { number }),
      }),
    [patients, stacks, predictions, labels, modelSha256, t],
  );
  const shown = useMemo(
    () => sortRows(filterRows(all, filter), sort.column, sort.descending),
    [all, filter, sort],
  );
  const labelOptions = useMemo(() => {
    const set = new Set<string>(Object.values(labels));
    for (const p of Object.values(predictions))
      for (const l of Object.keys(p.probabilities)) set.add(l);
    return [...set].sort();
  }, [labels, predictions]);
  return { all, shown, labelOptions };
}

// Labels from a CSV in the Cases tab, with the core reader's row-by-row match report.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelsFromCsv, type LabelsFromCsv } from '../../core/pipeline/labelsCsv.ts';
import { labelledSeries } from '../bundles/labelsCsv.ts';
import { useStore } from '../store/store.ts';
import { labelsSummaryText, rowReason } from './labelsText.ts';
import { FileInput } from '../panels/FileInput.tsx';

export function LabelsImport() {
  const { t } = useTranslation('cases');
  const [read, setRead] = useState<{ file: string; result: LabelsFromCsv } | null>(null);
  const unmatched = read?.result.report.filter((r) => r.status !== 'matched') ?? [];
  return (
    <div className="labels-import">
      <label className="file-button">
        {t('labels.import')}
        <FileInput
          accept=".csv,text/csv"
          aria-label={t('labels.importLabel')}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            const { patients, mergeLabels } = useStore.getState();
            const result = labelsFromCsv(await file.text(), labelledSeries(patients));
            if (!result.problem) mergeLabels(result.labels);
            setRead({ file: file.name, result });
          }}
        />
      </label>
      {read && (
        <div data-testid="labels-report" role="status">
          <p className={read.result.problem ? 'bundle-error' : 'muted'}>
            {read.file}: {labelsSummaryText(read.result, t)}
          </p>
          {unmatched.length > 0 && (
            <details>
              <summary>{t('labels.notApplied', { count: unmatched.length })}</summary>
              <ul>
                {unmatched.slice(0, 200).map((r) => (
                  <li key={r.row}>
                    {t('labels.row', {
                      row: r.row,
                      key: r.key || t('labels.noKey'),
                      reason: rowReason(r, read.result.key, t),
                    })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}

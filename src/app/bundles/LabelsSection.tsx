import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';
import { labelsFromCsv, type LabelsFromCsv } from '../../core/pipeline/labelsCsv.ts';
import { labelsSummaryText } from '../cases/labelsText.ts';
import { labelledSeries } from './labelsCsv.ts';
import { FileInput } from '../panels/FileInput.tsx';

/** Ground truth per series, typed in or read from a CSV keyed by series, study, accession or patient. */
export function LabelsSection() {
  const { t } = useTranslation('bundles');
  const patients = useStore((s) => s.patients);
  const labels = useStore((s) => s.labels);
  const setLabel = useStore((s) => s.setLabel);
  const mergeLabels = useStore((s) => s.mergeLabels);
  const [read, setRead] = useState<LabelsFromCsv | null>(null);
  const series = patients.flatMap((p) => p.studies.flatMap((st) => st.series));
  return (
    <fieldset className="bundle-fieldset">
      <legend>{t('labels.legend')}</legend>
      <ul className="label-list">
        {series.map((se) => {
          const name =
            se.seriesDescription || t('labels.series', { number: se.seriesNumber ?? '' });
          return (
            <li key={se.seriesInstanceUID}>
              <span>{name}</span>
              <input
                aria-label={t('labels.labelFor', { name })}
                value={labels[se.seriesInstanceUID] ?? ''}
                onChange={(e) => setLabel(se.seriesInstanceUID, e.target.value)}
              />
            </li>
          );
        })}
      </ul>
      <label className="file-button">
        {t('labels.import')}
        <FileInput
          accept=".csv,text/csv"
          aria-label={t('labels.csv')}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            const read = labelsFromCsv(await file.text(), labelledSeries(patients));
            mergeLabels(read.labels);
            setRead(read);
          }}
        />
      </label>
      {read && <p className="muted">{labelsSummaryText(read, t)}</p>}
    </fieldset>
  );
}

// What the export takes from the Predictions tab (one series prediction per model) and how the
// study dates in each study's DICOM SR are de-identified.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDates } from '../../core/bundle/sr/studyReport.ts';
import { localPredictions } from '../predictions/seriesPredictions.ts';
import { useStore } from '../store/store.ts';

export function PredictionsSection({
  reportDates,
  setReportDates,
}: {
  reportDates: ReportDates;
  setReportDates: (d: ReportDates) => void;
}) {
  const { t } = useTranslation('bundles');
  const predictions = useStore((s) => s.predictions);
  const stacks = useStore((s) => s.stacks);
  const count = useMemo(() => localPredictions(predictions, stacks).length, [predictions, stacks]);
  return (
    <fieldset className="bundle-fieldset">
      <legend>{t('predictions.legend')}</legend>
      <p data-testid="prediction-count" data-count={count}>
        {count === 0 ? t('predictions.none') : t('predictions.count', { count })}
      </p>
      {count > 0 && (
        <label>
          {t('predictions.dates')}{' '}
          <select
            aria-label={t('predictions.datesLabel')}
            value={reportDates}
            onChange={(e) => setReportDates(e.target.value as ReportDates)}
          >
            <option value="remove">{t('predictions.remove')}</option>
            <option value="shift">{t('predictions.shift')}</option>
          </select>
        </label>
      )}
    </fieldset>
  );
}

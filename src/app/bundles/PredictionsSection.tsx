// What the export takes from the Predictions tab (one series prediction per model) and how the
// study dates in each study's DICOM SR are de-identified.
import { useMemo } from 'react';
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
  const predictions = useStore((s) => s.predictions);
  const stacks = useStore((s) => s.stacks);
  const count = useMemo(() => localPredictions(predictions, stacks).length, [predictions, stacks]);
  return (
    <fieldset className="bundle-fieldset">
      <legend>Predictions</legend>
      <p data-testid="prediction-count" data-count={count}>
        {count === 0
          ? 'No predictions yet (classify a series in the Predictions tab).'
          : `${count} series prediction${count === 1 ? '' : 's'} (mean of the series' images), with a DICOM SR per study.`}
      </p>
      {count > 0 && (
        <label>
          Study dates in the SR{' '}
          <select
            aria-label="SR study dates"
            value={reportDates}
            onChange={(e) => setReportDates(e.target.value as ReportDates)}
          >
            <option value="remove">remove</option>
            <option value="shift">shift by the patient's keyed offset</option>
          </select>
        </label>
      )}
    </fieldset>
  );
}

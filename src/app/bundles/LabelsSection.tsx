import { useState } from 'react';
import { useStore } from '../store/store.ts';
import { labelsFromCsv, labelsSummary } from '../../core/pipeline/labelsCsv.ts';
import { labelledSeries } from './labelsCsv.ts';

/** Ground truth per series, typed in or read from a CSV keyed by series, study, accession or patient. */
export function LabelsSection() {
  const patients = useStore((s) => s.patients);
  const labels = useStore((s) => s.labels);
  const setLabel = useStore((s) => s.setLabel);
  const mergeLabels = useStore((s) => s.mergeLabels);
  const [note, setNote] = useState('');
  const series = patients.flatMap((p) => p.studies.flatMap((st) => st.series));
  return (
    <fieldset className="bundle-fieldset">
      <legend>Ground truth</legend>
      <ul className="label-list">
        {series.map((se) => {
          const name = se.seriesDescription || `Series ${se.seriesNumber ?? ''}`;
          return (
            <li key={se.seriesInstanceUID}>
              <span>{name}</span>
              <input
                aria-label={`Label for ${name}`}
                value={labels[se.seriesInstanceUID] ?? ''}
                onChange={(e) => setLabel(se.seriesInstanceUID, e.target.value)}
              />
            </li>
          );
        })}
      </ul>
      <label className="file-button">
        Import labels CSV…
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="Labels CSV"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            const read = labelsFromCsv(await file.text(), labelledSeries(patients));
            mergeLabels(read.labels);
            setNote(labelsSummary(read));
          }}
        />
      </label>
      {note && <p className="muted">{note}</p>}
    </fieldset>
  );
}

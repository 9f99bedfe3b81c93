// Who and what each series is, for the results' identifying columns, from the study index.
import type { PatientNode, SeriesNode } from '../../core/dicom/types.ts';
import type { FactsOf, SeriesFacts } from './resultTables.ts';

const loneFile = (se: SeriesNode) =>
  se.instances.length === 1 ? (se.instances[0].file.split('/').pop() ?? '') : '';

export function factsFromPatients(patients: readonly PatientNode[]): FactsOf {
  const bySeries = new Map<string, SeriesFacts>();
  for (const p of patients)
    for (const st of p.studies)
      for (const se of st.series)
        bySeries.set(se.seriesInstanceUID, {
          // As the study browser names a series: description, number, a lone file's name.
          series:
            se.seriesDescription ||
            (se.seriesNumber !== null ? `#${se.seriesNumber}` : loneFile(se)) ||
            se.seriesInstanceUID,
          patientId: p.patientID,
          studyUid: st.studyInstanceUID,
          modality: se.modality,
        });
  return (uid) => bySeries.get(uid);
}

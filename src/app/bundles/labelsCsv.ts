// The loaded studies as the core labels reader sees them (core/pipeline/labelsCsv.ts).
import type { PatientNode } from '../../core/dicom/types.ts';
import type { LabelledSeries } from '../../core/pipeline/labelsCsv.ts';

export function labelledSeries(patients: readonly PatientNode[]): LabelledSeries[] {
  return patients.flatMap((p) =>
    p.studies.flatMap((st) =>
      st.series.map((se) => ({
        seriesInstanceUid: se.seriesInstanceUID,
        studyInstanceUid: st.studyInstanceUID,
        accessionNumber: st.accessionNumber,
        patientId: p.patientID,
        sopInstanceUids: se.instances.map((i) => i.sopInstanceUID),
        files: se.instances.map((i) => i.file),
      })),
    ),
  );
}

// Downloads the active study's measurements as a DICOM SR file.
import { download } from '../../bundles/actions/download.ts';
import { selectActivePosition } from '../../store/selectors.ts';
import type { AppState } from '../../store/store.ts';
import { measurementsSr } from './measurementsSr.ts';

/** How many measurements the active study has (the button is off at none). */
export function activeStudyMeasurements(s: AppState): number {
  const study = selectActivePosition(s)?.instance.studyInstanceUID;
  return study ? s.measurements.filter((m) => m.studyUID === study).length : 0;
}

export function saveMeasurementsSr(s: AppState): void {
  const study = selectActivePosition(s)?.instance;
  if (!study) return;
  const frames = new Map<string, number>();
  for (const m of s.measurements) {
    const instance = s.stacks[m.seriesUID]?.find(
      (p) => p.instance.sopInstanceUID === m.sopInstanceUID,
    )?.instance;
    if (instance) frames.set(m.sopInstanceUID, instance.frames);
  }
  const bytes = measurementsSr(s.measurements, {
    study,
    framesOf: (uid) => frames.get(uid) ?? 1,
    now: new Date().toISOString(),
    seriesUuid: crypto.randomUUID(),
    instanceUuid: crypto.randomUUID(),
  });
  const name = (study.patientID || 'study').replace(/[^\w.-]+/g, '_');
  download(`${name}-measurements-sr.dcm`, bytes, 'application/dicom');
}

// The viewer's measurements for a bundle export: each with its study's real identifiers (the
// worker pseudonymises them into that study's SR) and its frame number on multi-frame images.
import type { LocalMeasurement } from '../../core/pipeline/types.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import type { Measurement } from '../store/measurementsSlice.ts';
import { uuidUid } from '../viewer/measure/measurementsSr.ts';

/** Measurements whose image is loaded; the others wait until their files are opened again. */
export function localMeasurements(
  measurements: readonly Measurement[],
  stacks: Readonly<Record<string, readonly StackPosition[]>>,
): LocalMeasurement[] {
  return measurements.flatMap((m) => {
    const instance = stacks[m.seriesUID]?.find(
      (p) => p.instance.sopInstanceUID === m.sopInstanceUID,
    )?.instance;
    if (!instance) return [];
    return [
      {
        patientId: instance.patientID,
        studyInstanceUid: instance.studyInstanceUID,
        studyDate: instance.studyDate,
        measurement: {
          kind: m.kind,
          trackingUid: uuidUid(m.id),
          image: {
            sopClassUid: m.sopClassUID,
            sopInstanceUid: m.sopInstanceUID,
            seriesInstanceUid: m.seriesUID,
          },
          ...(instance.frames > 1 ? { frameNumber: m.frame + 1 } : {}),
          points: m.points,
          result: m.result,
        },
      },
    ];
  });
}

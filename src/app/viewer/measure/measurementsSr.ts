// The measurements of one study as a DICOM SR (TID 1500, Comprehensive SR) with the study's own
// identifiers, so it files beside the images in the same study, as a PACS viewer's report does.
import { measurementReport } from '../../../core/bundle/sr/measurementReport.ts';
import type { ReportMeasurement } from '../../../core/bundle/sr/measurementGroups.ts';
import { writeReport } from '../../../core/bundle/sr/writeReport.ts';
import type { InstanceMeta } from '../../../core/dicom/types.ts';
import { SOFTWARE } from '../../../core/version.ts';
import type { Measurement } from '../../store/measurementsSlice.ts';

// Consilium as the observing device (the constant the bundle reports use).
const DEVICE_UID = '2.25.118045227301339582367301585374420930870';

/** A UUID as a 2.25 UID (PS3.5 B.2): its 128 bits as one decimal number. */
export function uuidUid(uuid: string): string {
  return `2.25.${BigInt(`0x${uuid.replace(/-/g, '')}`).toString()}`;
}

export interface SrContext {
  /** Any instance of the study: its patient and study attributes go into the report. */
  study: InstanceMeta;
  /** Frames per measured SOP instance (a frame number is written for multi-frame images). */
  framesOf: (sopInstanceUID: string) => number;
  /** ISO 8601 time of the export. */
  now: string;
  /** Fresh UUIDs for the report's series and instance. */
  seriesUuid: string;
  instanceUuid: string;
}

export function measurementsSr(measurements: readonly Measurement[], ctx: SrContext): Uint8Array {
  const { study } = ctx;
  const mine = measurements.filter((m) => m.studyUID === study.studyInstanceUID);
  const groups: ReportMeasurement[] = mine.map((m) => ({
    kind: m.kind,
    trackingUid: uuidUid(m.id),
    image: {
      sopClassUid: m.sopClassUID,
      sopInstanceUid: m.sopInstanceUID,
      seriesInstanceUid: m.seriesUID,
    },
    ...(ctx.framesOf(m.sopInstanceUID) > 1 ? { frameNumber: m.frame + 1 } : {}),
    points: m.points,
    result: m.result,
  }));
  const stamp = ctx.now.replace(/[-:]/g, '');
  const dataset = measurementReport({
    patient: { id: study.patientID, ...(study.patientName ? { name: study.patientName } : {}) },
    study: {
      instanceUid: study.studyInstanceUID,
      ...(study.studyDate ? { date: study.studyDate } : {}),
      ...(study.accessionNumber ? { accessionNumber: study.accessionNumber } : {}),
    },
    images: [],
    features: [],
    predictions: [],
    measurements: groups,
    device: {
      uid: DEVICE_UID,
      name: SOFTWARE.name,
      manufacturer: 'Consilium project',
      softwareVersion: SOFTWARE.version,
    },
    seriesInstanceUid: uuidUid(ctx.seriesUuid),
    sopInstanceUid: uuidUid(ctx.instanceUuid),
    contentDate: stamp.slice(0, 8),
    contentTime: stamp.slice(9, 15),
  });
  return writeReport(dataset);
}

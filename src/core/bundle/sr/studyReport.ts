// One TID 1500 report per study for a bundle, written from already de-identified content: the
// patient is the bundle's case key, every UID is the HMAC pseudonym the de-identifier would give
// (so a partner's de-identified images line up), and the study date is removed or shifted by the
// patient's keyed offset. No original identifier reaches the writer.
import type { FeatureResult, PredictionResult } from '../types';
import type { CryptoKeyHandle } from '../../crypto/subtle';
import { type DateHandling, profileRecord } from '../../deid/deidentifyDataset';
import { pseudonymousDate, pseudonymousKey, pseudonymousUid } from '../../deid/pseudonym';
import type { ReportMeasurement } from './measurementGroups';
import { measurementReport, type SourceImage } from './measurementReport';
import { writeReport } from './writeReport';

export type ReportDates = DateHandling;

// Consilium as the observing device: a constant 2.25 UID, the same at every center.
const DEVICE_UID = '2.25.118045227301339582367301585374420930870';

export interface StudyReportInput {
  readonly key: CryptoKeyHandle;
  /** Real identifiers of the study: only their pseudonyms are written. */
  readonly patientId: string;
  readonly studyInstanceUid: string;
  readonly studyDate: string;
  readonly images: readonly SourceImage[];
  /** Pseudonymised results of this study (case keys, not patient IDs). */
  readonly predictions: readonly PredictionResult[];
  /** Pseudonymised feature results of this study (a research PACS's report carries them). */
  readonly features?: readonly FeatureResult[];
  /** A reader's measurements on this study's images, with their real UIDs (pseudonymised here). */
  readonly measurements?: readonly ReportMeasurement[];
  readonly dates: ReportDates;
  readonly software: { readonly name: string; readonly version: string };
  /** ISO 8601 UTC time of the export: the report's content date and time. */
  readonly createdAt: string;
}

/** The study's report as Part 10 bytes, with the study key that names its bundle member. */
export async function studyReport(
  input: StudyReportInput,
): Promise<{ studyKey: string; bytes: Uint8Array }> {
  const { key } = input;
  const studyKey = await pseudonymousKey(key, 'study', input.studyInstanceUid);
  const studyUid = await pseudonymousUid(key, input.studyInstanceUid);
  const images: SourceImage[] = [];
  for (const im of input.images)
    images.push({
      sopClassUid: im.sopClassUid,
      sopInstanceUid: await pseudonymousUid(key, im.sopInstanceUid),
      seriesInstanceUid: await pseudonymousUid(key, im.seriesInstanceUid),
    });
  const measurements: ReportMeasurement[] = [];
  for (const m of input.measurements ?? [])
    measurements.push({
      ...m,
      trackingUid: await pseudonymousUid(key, m.trackingUid),
      image: {
        sopClassUid: m.image.sopClassUid,
        sopInstanceUid: await pseudonymousUid(key, m.image.sopInstanceUid),
        seriesInstanceUid: await pseudonymousUid(key, m.image.seriesInstanceUid),
      },
    });
  const date = await pseudonymousDate(key, input.patientId, input.studyDate, input.dates);
  const created = input.createdAt.replace(/[-:]/g, '');
  const dataset = measurementReport({
    patient: { id: await pseudonymousKey(key, 'patient', input.patientId) },
    study: { instanceUid: studyUid, ...(date ? { date } : {}) },
    images,
    features: input.features ?? [],
    predictions: input.predictions,
    measurements,
    device: {
      uid: DEVICE_UID,
      name: input.software.name,
      manufacturer: 'Consilium project',
      softwareVersion: input.software.version,
    },
    // The report's own UIDs are keyed too, so the same export gives the same report.
    seriesInstanceUid: await pseudonymousUid(key, `sr-series\u0000${input.studyInstanceUid}`),
    sopInstanceUid: await pseudonymousUid(key, `sr-instance\u0000${input.studyInstanceUid}`),
    contentDate: created.slice(0, 8),
    contentTime: created.slice(9, 15),
  });
  return { studyKey, bytes: writeReport({ ...dataset, ...profileRecord({ dates: input.dates }) }) };
}

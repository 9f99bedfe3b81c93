// A series' derived map (a filter's response) to store back on a PACS, with the study it goes
// into. For the hospital's own PACS it carries the study's real identifiers, so it files beside
// the images. For a de-identified research PACS it is pseudonymised as the reports are
// (reportsToStore.ts): the patient is the collaboration key's case key, every UID its keyed
// pseudonym (so it lands in the pseudonymised study, beside the de-identified images), the study
// date removed or shifted by the patient's keyed offset, and the de-identification recorded.
import type { ReportDates } from '../bundle/sr/studyReport.ts';
import { importCollaborationKey } from '../crypto/hmac.ts';
import { profileRecord } from '../deid/deidentifyDataset.ts';
import { pseudonymousDate, pseudonymousKey, pseudonymousUid } from '../deid/pseudonym.ts';
import type { DerivedImageSource } from '../dicom/write/secondaryCapture.ts';
import { seriesMapDicom, type MapSlice } from '../dicom/write/seriesMap.ts';

export interface MapRequest {
  /** Columns, rows, slices. */
  readonly dims: readonly [number, number, number];
  /** x fastest, then y, then slice. */
  readonly values: Float32Array;
  /** What it is, e.g. the filter's spec: the series description. */
  readonly description: string;
  /** The source series' images, one per map slice. */
  readonly slices: readonly MapSlice[];
  readonly sliceSpacingMm: number;
  /** The source study as the series gives it (real identifiers). */
  readonly source: DerivedImageSource;
  /** Pseudonymised under the collaboration key; identified without. */
  readonly pseudonymised?: { readonly secret: Uint8Array; readonly reportDates: ReportDates };
  /** ISO 8601 UTC time: the content date and time; defaults to now. */
  readonly createdAt?: string;
}

export interface MapToStore {
  /** The study it goes into: the source study, or its pseudonym. */
  readonly studyInstanceUid: string;
  /** The study as the user knows it (real UID), for messages. */
  readonly sourceStudyInstanceUid: string;
  readonly bytes: Uint8Array;
}

export async function mapToStore(req: MapRequest): Promise<MapToStore> {
  const common = {
    dims: req.dims,
    values: req.values,
    description: req.description,
    sliceSpacingMm: req.sliceSpacingMm,
    ...(req.createdAt ? { createdAt: req.createdAt } : {}),
  };
  const sourceStudyInstanceUid = req.source.studyInstanceUID;
  if (!req.pseudonymised) {
    const bytes = seriesMapDicom({ ...common, slices: req.slices, source: req.source });
    return { studyInstanceUid: sourceStudyInstanceUid, sourceStudyInstanceUid, bytes };
  }
  const { secret, reportDates } = req.pseudonymised;
  const key = await importCollaborationKey(secret);
  const caseKey = await pseudonymousKey(key, 'patient', req.source.patientID);
  const studyInstanceUid = await pseudonymousUid(key, sourceStudyInstanceUid);
  const studyDate = await pseudonymousDate(
    key,
    req.source.patientID,
    req.source.studyDate ?? '',
    reportDates,
  );
  const slices: MapSlice[] = [];
  for (const s of req.slices)
    slices.push({ ...s, sopInstanceUid: await pseudonymousUid(key, s.sopInstanceUid) });
  const bytes = seriesMapDicom({
    ...common,
    slices,
    source: {
      patientName: caseKey,
      patientID: caseKey,
      studyInstanceUID: studyInstanceUid,
      studyDate,
    },
    extra: profileRecord({ dates: reportDates }),
  });
  return { studyInstanceUid, sourceStudyInstanceUid, bytes };
}

// The per-study TID 1500 report for the hospital's own PACS: the same report as a bundle's, but
// under the study's real identifiers (patient ID, Study Instance UID, the analysed images'
// UIDs), so the PACS files it in the source study and it appears beside the images. It never
// leaves the hospital's network: bundles keep the pseudonymised report.
import { featureResultFromAnalysis } from '../bundle/fromAnalysis.ts';
import { measurementReport, type SourceImage } from '../bundle/sr/measurementReport.ts';
import { writeReport } from '../bundle/sr/writeReport.ts';
import type { FeatureResult, PredictionResult } from '../bundle/types.ts';
import { importCollaborationKey } from '../crypto/hmac.ts';
import { newUid } from '../dicom/demo/uid.ts';
import type { LocalFeatures, LocalPrediction } from '../pipeline/types.ts';
import { SOFTWARE } from '../version.ts';

const DEVICE_UID = '2.25.118045227301339582367301585374420930870';

export interface SourceReport {
  readonly studyInstanceUid: string;
  readonly bytes: Uint8Array;
}

interface StudyEntry {
  patientId: string;
  studyDate: string;
  images: Map<string, SourceImage>;
  features: FeatureResult[];
  predictions: PredictionResult[];
}

/** One identified report per analysed study, holding its series' features and predictions. */
export async function sourceStudyReports(
  features: readonly LocalFeatures[],
  predictions: readonly LocalPrediction[],
  createdAt = new Date().toISOString(),
  /** Images of analysed series that gave no prediction (the evidence the report must list). */
  seriesImages: (
    studyInstanceUid: string,
    seriesInstanceUid: string,
  ) => Promise<SourceImage[]> = async () => [],
): Promise<SourceReport[]> {
  // The report writes no case keys; a one-off key only fills the records' key fields.
  const key = await importCollaborationKey(crypto.getRandomValues(new Uint8Array(32)));
  const studies = new Map<string, StudyEntry>();
  const entry = (uid: string, patientId: string): StudyEntry => {
    let e = studies.get(uid);
    if (!e) {
      e = { patientId, studyDate: '', images: new Map(), features: [], predictions: [] };
      studies.set(uid, e);
    }
    return e;
  };
  for (const f of features) {
    const e = entry(f.source.studyInstanceUid, f.source.patientId);
    e.features.push(await featureResultFromAnalysis(key, f.source, f.roi, f.set));
    if (!predictions.some((p) => p.source.seriesInstanceUid === f.source.seriesInstanceUid))
      for (const im of await seriesImages(f.source.studyInstanceUid, f.source.seriesInstanceUid))
        e.images.set(im.sopInstanceUid, im);
  }
  for (const p of predictions) {
    const e = entry(p.source.studyInstanceUid, p.source.patientId);
    e.studyDate ||= p.studyDate;
    for (const im of p.images)
      e.images.set(im.sopInstanceUid, { ...im, seriesInstanceUid: p.source.seriesInstanceUid });
    e.predictions.push({
      caseKey: p.source.patientId,
      studyKey: p.source.studyInstanceUid,
      seriesKey: p.source.seriesInstanceUid,
      model: p.model,
      probabilities: p.probabilities,
      predicted: p.predicted,
    });
  }
  const created = createdAt.replace(/[-:]/g, '');
  const out: SourceReport[] = [];
  for (const [studyInstanceUid, e] of studies) {
    const dataset = measurementReport({
      patient: { id: e.patientId },
      study: { instanceUid: studyInstanceUid, ...(e.studyDate ? { date: e.studyDate } : {}) },
      images: [...e.images.values()],
      features: e.features,
      predictions: e.predictions,
      device: {
        uid: DEVICE_UID,
        name: SOFTWARE.name,
        manufacturer: 'Consilium project',
        softwareVersion: SOFTWARE.version,
      },
      seriesInstanceUid: newUid(),
      sopInstanceUid: newUid(),
      contentDate: created.slice(0, 8),
      contentTime: created.slice(9, 15),
    });
    out.push({ studyInstanceUid, bytes: writeReport(dataset) });
  }
  return out;
}

import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { importCollaborationKey } from '../../crypto/hmac';
import { pseudonymousKey } from '../../deid/pseudonym';
import { sampleMeasurements } from './sampleMeasurements';
import { studyReport, type StudyReportInput } from './studyReport';

const PATIENT = 'PAT-4711-SECRET';
const STUDY_UID = '1.2.826.0.1.3680043.10.1.1';
const SERIES_UID = '1.2.826.0.1.3680043.10.1.2';
const SOP_UIDS = ['1.2.826.0.1.3680043.10.1.3.1', '1.2.826.0.1.3680043.10.1.3.2'];
const STUDY_DATE = '20190314';

async function input(dates: StudyReportInput['dates']): Promise<StudyReportInput> {
  const key = await importCollaborationKey('shared secret');
  return {
    key,
    patientId: PATIENT,
    studyInstanceUid: STUDY_UID,
    studyDate: STUDY_DATE,
    images: SOP_UIDS.map((sopInstanceUid) => ({
      sopClassUid: '1.2.840.10008.5.1.4.1.1.1',
      sopInstanceUid,
      seriesInstanceUid: SERIES_UID,
    })),
    predictions: [
      {
        caseKey: await pseudonymousKey(key, 'patient', PATIENT),
        studyKey: await pseudonymousKey(key, 'study', STUDY_UID),
        model: { name: 'pneumonia-cnn', version: '2', sha256: 'e6'.repeat(32) },
        probabilities: { normal: 0.25, pneumonia: 0.75 },
        predicted: 'pneumonia',
      },
    ],
    dates,
    software: { name: 'consilium', version: '0.1.0' },
    createdAt: '2025-01-02T03:04:05.000Z',
  };
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('study report for a bundle', () => {
  it('carries no original identifier or date, and reads back with dcmjs', async () => {
    const { studyKey, bytes } = await studyReport(await input('remove'));
    const text = latin1(bytes);
    for (const phi of [PATIENT, STUDY_UID, SERIES_UID, ...SOP_UIDS, STUDY_DATE])
      expect(text).not.toContain(phi);
    expect(studyKey).toMatch(/^[0-9a-f]{32}$/);
    const ds = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer).dict;
    expect(ds['00100020'].Value).toEqual([
      await pseudonymousKey((await input('remove')).key, 'patient', PATIENT),
    ]);
    expect((ds['00080020'].Value ?? []).join('')).toBe('');
    expect(String(ds['0020000D'].Value?.[0])).toMatch(/^2\.25\.\d+$/);
    expect(ds['00080023'].Value).toEqual(['20250102']);
    // Two images in the evidence, one prediction group with both probabilities.
    const evidence = (ds['0040A375'].Value as DcmjsDataset[])[0];
    const series = (evidence['00081115'].Value as DcmjsDataset[])[0];
    expect(series['00081199'].Value).toHaveLength(2);
    expect(text).toContain('Probability of pneumonia');
    expect(ds['00120062'].Value).toEqual(['YES']);
  });

  it("carries a reader's measurements under pseudonymous image and tracking UIDs", async () => {
    const measurements = sampleMeasurements().map((m) => ({
      ...m,
      image: { ...m.image, sopInstanceUid: SOP_UIDS[0], seriesInstanceUid: SERIES_UID },
    }));
    const { bytes } = await studyReport({ ...(await input('remove')), measurements });
    const text = latin1(bytes);
    for (const phi of [SERIES_UID, ...SOP_UIDS, ...measurements.map((m) => m.trackingUid)])
      expect(text).not.toContain(phi);
    expect(text).toContain('Attenuation Coefficient');
    expect(text.match(/Image Region/g)).toHaveLength(measurements.length);
  });

  it('shifts the study date by the patient keyed offset when asked, the same way every time', async () => {
    const a = await studyReport(await input('shift'));
    const b = await studyReport(await input('shift'));
    expect(a.bytes).toEqual(b.bytes);
    const ds = dcmjs.data.DicomMessage.readFile(a.bytes.slice().buffer).dict;
    const shifted = String(ds['00080020'].Value?.[0]);
    expect(shifted).toMatch(/^\d{8}$/);
    const days =
      (Date.UTC(2019, 2, 14) -
        Date.UTC(+shifted.slice(0, 4), +shifted.slice(4, 6) - 1, +shifted.slice(6, 8))) /
      86_400_000;
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(3650);
    expect(latin1(a.bytes)).not.toContain(STUDY_DATE);
    const methods = (ds['00120064'].Value as DcmjsDataset[]).map((c) => c['00080100'].Value?.[0]);
    expect(methods).toEqual(['113100', '113107']);
  });
});

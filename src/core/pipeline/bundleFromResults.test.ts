import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../bundle/verifyBundle.ts';
import { bundleFromResults } from './bundleFromResults.ts';
import type { ExportRequest, LocalPrediction } from './types.ts';

const MODEL = { name: 'pneumonia-cnn', version: '2', sha256: 'e6'.repeat(32) };

function prediction(patient: number, pneumonia: number): LocalPrediction {
  return {
    seriesUid: `1.2.826.0.1.3680043.10.9.${patient}.2`,
    source: {
      patientId: `PAT-${patient}-SECRET`,
      studyInstanceUid: `1.2.826.0.1.3680043.10.9.${patient}.1`,
      seriesInstanceUid: `1.2.826.0.1.3680043.10.9.${patient}.2`,
    },
    model: MODEL,
    probabilities: { normal: 1 - pneumonia, pneumonia },
    predicted: pneumonia > 0.5 ? 'pneumonia' : 'normal',
    rule: 'series: mean of 1 image; predicted = argmax of mean probability',
    images: [
      {
        sopClassUid: '1.2.840.10008.5.1.4.1.1.1',
        sopInstanceUid: `1.2.826.0.1.3680043.10.9.${patient}.3`,
      },
    ],
    studyDate: '20190314',
  };
}

const request: ExportRequest = {
  center: 'Center P',
  secret: new TextEncoder().encode('shared secret'),
  features: [],
  predictions: [prediction(1, 0.75), prediction(2, 0.125)],
  labels: { '1.2.826.0.1.3680043.10.9.1.2': 'pneumonia' },
  reportDates: 'remove',
};

describe('bundle export of predictions', () => {
  it('writes pseudonymised predictions with the ground-truth label and one verified SR per study', async () => {
    const result = await verifyBundle(await bundleFromResults(request));
    if (!result.ok) throw new Error(result.error.reason);
    const { manifest, members } = result.bundle;
    const csv = new TextDecoder().decode(members.get('predictions.csv')).trim().split('\n');
    expect(csv).toHaveLength(3);
    const rows = csv.slice(1).map((r) => r.split(','));
    expect(rows.map((r) => [r[8], r[10]]).sort()).toEqual([
      ['', '0.125'],
      ['pneumonia', '0.75'],
    ]);
    const srs = manifest.members.filter((m) => m.name.startsWith('sr/'));
    expect(srs.map((m) => m.name).sort()).toEqual(rows.map((r) => `sr/${r[1]}.dcm`).sort());
    for (const { name } of srs) {
      const bytes = members.get(name)!;
      const text = Buffer.from(bytes).toString('latin1');
      for (const phi of ['SECRET', '1.2.826.0.1.3680043.10.9', '20190314'])
        expect(text.includes(phi), `${name} contains ${phi}`).toBe(false);
      const ds = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer).dict;
      expect(rows.map((r) => r[0])).toContain(ds['00100020'].Value?.[0]);
    }
    // The whole bundle (manifest, CSVs, SRs) names no patient either.
    for (const bytes of members.values())
      expect(Buffer.from(bytes).toString('latin1')).not.toContain('PAT-');
  });
});

import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { describe, expect, it } from 'vitest';
import type { ReportMeasurement } from '../bundle/sr/measurementGroups.ts';
import { sampleMeasurements } from '../bundle/sr/sampleMeasurements.ts';
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

describe('bundle export of measurements', () => {
  // A length on patient 1's image (a study with predictions) and a probe on a third study with
  // no predictions: each lands in its study's SR as a TID 1410 group, every UID pseudonymised.
  const length = sampleMeasurements()[0];
  const probe = sampleMeasurements()[4];
  const onImage = (m: ReportMeasurement, patient: number): ReportMeasurement => ({
    ...m,
    trackingUid: `2.25.77${patient}`,
    image: {
      sopClassUid: '1.2.840.10008.5.1.4.1.1.1',
      sopInstanceUid: `1.2.826.0.1.3680043.10.9.${patient}.3`,
      seriesInstanceUid: `1.2.826.0.1.3680043.10.9.${patient}.2`,
    },
  });
  const withMeasurements: ExportRequest = {
    ...request,
    measurements: [
      {
        patientId: 'PAT-1-SECRET',
        studyInstanceUid: '1.2.826.0.1.3680043.10.9.1.1',
        studyDate: '20190314',
        measurement: onImage(length, 1),
      },
      {
        patientId: 'PAT-3-SECRET',
        studyInstanceUid: '1.2.826.0.1.3680043.10.9.3.1',
        studyDate: '20190314',
        measurement: onImage(probe, 3),
      },
    ],
  };

  it('writes each study’s measurements into its SR, read back from the bytes', async () => {
    const result = await verifyBundle(await bundleFromResults(withMeasurements));
    if (!result.ok) throw new Error(result.error.reason);
    const { members } = result.bundle;
    const srs = [...members.keys()].filter((n) => n.startsWith('sr/'));
    expect(srs).toHaveLength(3);
    const groups = srs.flatMap((name) => {
      const bytes = members.get(name)!;
      expect(Buffer.from(bytes).toString('latin1')).not.toContain('1.2.826.0.1.3680043.10.9');
      const ds = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer).dict;
      return contents(ds)
        .flatMap(contents)
        .filter((item) => templateOf(item) === '1410');
    });
    expect(groups).toHaveLength(2);
    const values = groups.map((g) =>
      contents(g)
        .filter((i) => i['0040A040']?.Value?.[0] === 'NUM')
        .map((i) =>
          Number(((i['0040A300'].Value as DcmjsDataset[])[0]['0040A30A'].Value as string[])[0]),
        ),
    );
    expect(values).toContainEqual([(length.result as { length: number }).length]);
    expect(values).toContainEqual([(probe.result as { value: number }).value]);
    // The selected-from image is the pseudonymised UID, not the original.
    for (const g of groups) {
      const region = contents(g).find((i) => i['0040A040']?.Value?.[0] === 'SCOORD')!;
      const ref = (
        (contents(region)[0]['00081199'].Value as DcmjsDataset[])[0]['00081155'].Value as string[]
      )[0];
      expect(ref).toMatch(/^2\.25\.\d+$/);
    }
  });
});

function contents(ds: DcmjsDataset): DcmjsDataset[] {
  return (ds['0040A730']?.Value ?? []) as DcmjsDataset[];
}

function templateOf(ds: DcmjsDataset): string | undefined {
  const t = (ds['0040A504']?.Value as DcmjsDataset[] | undefined)?.[0];
  return t?.['0040DB00']?.Value?.[0] as string | undefined;
}

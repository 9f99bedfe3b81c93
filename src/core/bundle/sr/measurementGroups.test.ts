import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { measurementReport } from './measurementReport';
import { sampleMeasurements } from './sampleMeasurements';
import { sampleReportInput } from './sampleReport';
import { writeReport } from './writeReport';

const items = (ds: DcmjsDataset | undefined): DcmjsDataset[] =>
  (ds?.['0040A730']?.Value ?? []) as DcmjsDataset[];
const code = (ds: DcmjsDataset, tag = '0040A043') =>
  ((ds[tag]?.Value ?? []) as DcmjsDataset[])[0]?.['00080100']?.Value?.[0];
const numValue = (ds: DcmjsDataset) =>
  Number(((ds['0040A300'].Value as DcmjsDataset[])[0]['0040A30A'].Value as string[])[0]);
const unit = (ds: DcmjsDataset) =>
  ((ds['0040A300'].Value as DcmjsDataset[])[0]['004008EA'].Value as DcmjsDataset[])[0]['00080100']
    .Value?.[0];

async function groupsBack(): Promise<{ groups: DcmjsDataset[]; back: DcmjsDataset }> {
  const input = { ...(await sampleReportInput()), measurements: sampleMeasurements() };
  const bytes = writeReport(measurementReport(input));
  const back = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer).dict;
  const imaging = items(back).find((i) => code(i) === '126010');
  // The sample's two feature groups and one prediction group come first.
  return { groups: items(imaging).slice(3), back };
}

describe('TID 1410 measurement groups in the TID 1500 report', () => {
  it('writes each measurement with its tracking UID, region and values, read back from Part 10', async () => {
    const { groups } = await groupsBack();
    expect(groups).toHaveLength(5);
    for (const g of groups) {
      const template = (g['0040A504'].Value as DcmjsDataset[])[0];
      expect(template['0040DB00'].Value).toEqual(['1410']);
    }
    const [length, angle, rect, ellipse, probe] = groups;
    const uid = items(length).find((i) => code(i) === '112040')!;
    expect(uid['0040A124'].Value).toEqual(['2.25.9000']);

    // Length (1,1)–(4,5) on 0.5 mm pixels: 2.5 mm.
    const len = items(length).find((i) => code(i) === '410668003')!;
    expect([numValue(len), unit(len)]).toEqual([2.5, 'mm']);
    const region = items(length).find((i) => code(i) === '111030')!;
    expect(region['00700023'].Value).toEqual(['POLYLINE']);
    expect(region['00700022'].Value).toEqual([1, 1, 4, 5]);
    const source = items(region)[0];
    expect(source['0040A010'].Value).toEqual(['SELECTED FROM']);

    expect(numValue(items(angle).find((i) => code(i) === '1483009')!)).toBe(90);

    // Rectangle (2,2)–(6,5): pixels x 2..5, y 2..4, values x + 16y − 100; 2 × 1.5 mm.
    const rectItems = items(rect);
    expect(numValue(rectItems.find((i) => code(i) === '42798000')!)).toBe(3);
    const stats = rectItems.filter((i) => code(i) === '112031');
    const byDerivation = Object.fromEntries(
      stats.map((s) => [code(items(s)[0], '0040A168'), [numValue(s), unit(s)]]),
    );
    expect(byDerivation).toEqual({
      '373098007': [3.5 + 48 - 100, "[hnsf'U]"],
      '386136009': [Math.sqrt((3 * 2 * (0.25 + 2.25) + 2 * 4 * 256) / 12), "[hnsf'U]"].map((v) =>
        typeof v === 'number' ? Number(v.toPrecision(9)) : v,
      ),
      '255605001': [2 + 32 - 100, "[hnsf'U]"],
      '56851009': [5 + 64 - 100, "[hnsf'U]"],
    });

    // The ellipse is on frame 3 of a multi-frame image: ELLIPSE with its major axis first.
    const er = items(ellipse).find((i) => code(i) === '111030')!;
    expect(er['00700023'].Value).toEqual(['ELLIPSE']);
    expect(er['00700022'].Value).toEqual([2, 4, 10, 4, 6, 2, 6, 6]);
    const ref = (items(er)[0]['00081199'].Value as DcmjsDataset[])[0];
    expect(ref['00081160'].Value).toEqual([3]);

    // Probe at (3.5, 7.5): pixel (3, 7) = 3 + 112 − 100 HU, a POINT.
    const pr = items(probe).find((i) => code(i) === '111030')!;
    expect(pr['00700023'].Value).toEqual(['POINT']);
    expect(numValue(items(probe).find((i) => code(i) === '112031')!)).toBe(15);
  });

  it('lists every measured image in the library and the evidence', async () => {
    const { back } = await groupsBack();
    const evidence = (back['0040A375'].Value as DcmjsDataset[])[0];
    const series = (evidence['00081115'].Value as DcmjsDataset[])[0];
    const refs = (series['00081199'].Value as DcmjsDataset[]).map((r) => r['00081155'].Value![0]);
    expect(refs.sort()).toEqual(['2.25.111', '2.25.666']);
  });
});

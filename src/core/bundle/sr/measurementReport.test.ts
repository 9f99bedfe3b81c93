import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { decimalString } from './contentItems';
import { COMPREHENSIVE_SR, measurementReport } from './measurementReport';
import { sampleReportInput } from './sampleReport';
import { writeReport } from './writeReport';

const items = (ds: DcmjsDataset | undefined): DcmjsDataset[] =>
  (ds?.['0040A730']?.Value ?? []) as DcmjsDataset[];
const concept = (ds: DcmjsDataset) =>
  ((ds['0040A043']?.Value ?? []) as DcmjsDataset[])[0]?.['00080100']?.Value?.[0];

describe('TID 1500 measurement report', () => {
  it('writes IBSI-coded features and classifier probabilities that read back from the Part 10 bytes', async () => {
    const bytes = writeReport(measurementReport(await sampleReportInput()));
    const back = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer).dict;
    expect(back['00080016'].Value).toEqual([COMPREHENSIVE_SR]);
    expect(concept(back)).toBe('126000');
    const template = (back['0040A504'].Value as DcmjsDataset[])[0];
    expect(template['0040DB00'].Value).toEqual(['1500']);
    const measurements = items(back).find((i) => concept(i) === '126010');
    const groups = items(measurements);
    expect(groups).toHaveLength(3);
    const mean = items(groups[1]).find((i) => concept(i) === 'Q4LE')!;
    const measured = (mean['0040A300'].Value as DcmjsDataset[])[0];
    expect(Number(measured['0040A30A'].Value?.[0])).toBe(6.75);
    const scheme = ((mean['0040A043'].Value as DcmjsDataset[])[0]['00080102'].Value as string[])[0];
    expect(scheme).toBe('IBSI');
    const probability = items(groups[2]).find((i) => concept(i) === 'P-malignant')!;
    expect(
      Number(
        ((probability['0040A300'].Value as DcmjsDataset[])[0]['0040A30A'].Value as string[])[0],
      ),
    ).toBe(0);
  });

  it('keeps decimal strings within the 16 characters DS allows', () => {
    for (const x of [-1.2345678901234e-100, 123456789012345.67, Math.PI, -0.000123456789123]) {
      expect(decimalString(x).length).toBeLessThanOrEqual(16);
      expect(Number(decimalString(x))).toBeCloseTo(x, Math.abs(x) > 1 ? -8 : 10);
    }
  });
});

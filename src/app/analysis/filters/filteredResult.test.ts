// A filtered result and the unfiltered result of the same ROI both reach a bundle, as two rows:
// the filter is in the ROI name and in the parameters (so in the parameter hash).
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../core/analysis/params.ts';
import { featureResultFromAnalysis } from '../../../core/bundle/fromAnalysis.ts';
import { importCollaborationKey } from '../../../core/crypto/hmac.ts';
import type { InstanceMeta, SeriesNode } from '../../../core/dicom/types.ts';
import { localFeaturesFromAnalysis } from '../../bundles/fromAnalysisResults.ts';
import type { AnalysisResult } from '../types.ts';
import { filteredResult } from './filteredResult.ts';

const instance = {
  patientID: 'PID-7',
  studyInstanceUID: '1.2.3',
  seriesInstanceUID: '1.2.3.4',
  sopInstanceUID: '1.2.3.4.5',
} as InstanceMeta;
const series = { seriesInstanceUID: '1.2.3.4', instances: [instance] } as SeriesNode;
const job = { seriesUID: '1.2.3.4', roiName: 'ROI 1', roiKey: 'abc', paramsKey: 'p' };
const feature = (value: number) => ({
  family: 'intensity-statistics' as const,
  name: 'Mean intensity',
  ibsiCode: 'Q4LE',
  unit: 'I',
  aggregation: '',
  value,
});

describe('filtered results', () => {
  const filter = 'log:sigma=2,truncate=4,boundary=mirror,dims=3';
  const filtered = filteredResult(
    job,
    {
      filter,
      params: defaultParams,
      roiVoxels: 10,
      features: [{ ...feature(-3.5), filter }],
      histogram: { min: 0, max: 1, counts: [10] },
    },
    ['intensity-statistics'],
  );
  const plain: AnalysisResult = {
    ...filtered,
    key: 'plain',
    roiName: 'ROI 1',
    params: defaultParams,
    features: [feature(40)],
  };

  it('have their own key per filter and families', () => {
    expect(filtered.key).not.toBe(
      filteredResult(job, { ...filtered, filter: 'mean:support=3' } as never, [
        'intensity-statistics',
      ]).key,
    );
    expect(filtered.key).not.toBe(
      filteredResult(job, { ...filtered, filter } as never, ['intensity-statistics', 'morphology'])
        .key,
    );
  });

  it('export as their own bundle rows beside the unfiltered ones', async () => {
    const key = await importCollaborationKey(new TextEncoder().encode('k'));
    const local = localFeaturesFromAnalysis([plain, filtered], { '1.2.3.4': series }, {});
    const rows = await Promise.all(
      local.map((l) => featureResultFromAnalysis(key, l.source, l.roi, l.set)),
    );
    expect(rows.map((r) => [r.roi, r.params.filter, r.features[0].value])).toEqual([
      ['ROI 1', undefined, 40],
      [`ROI 1 [${filter}]`, filter, -3.5],
    ]);
    expect(rows[0].paramsHash).not.toBe(rows[1].paramsHash);
    expect(rows[0].caseKey).toBe(rows[1].caseKey);
  });
});

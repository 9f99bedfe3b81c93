import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../core/analysis/params.ts';
import type { InstanceMeta, SeriesNode } from '../../core/dicom/types.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import type { AnalysisResult } from '../analysis/types.ts';
import { positionKey } from '../viewer/useStackFrame.ts';
import { localFeaturesFromAnalysis } from './fromAnalysisResults.ts';

const instance = {
  file: 'SMITH_JOHN/slice1.dcm',
  patientID: 'PID-7',
  studyInstanceUID: '1.2.3',
  seriesInstanceUID: '1.2.3.4',
  sopInstanceUID: '1.2.3.4.5',
} as InstanceMeta;
const series = { seriesInstanceUID: '1.2.3.4', instances: [instance] } as SeriesNode;
const stack: StackPosition[] = [{ instance, frame: 0 }];

function result(position: string, slice: number): AnalysisResult {
  return {
    key: `k${slice}`,
    seriesUID: '1.2.3.4',
    position,
    slice,
    roiName: 'ROI 1',
    roiKey: 'abc123',
    paramsKey: 'p',
    params: defaultParams,
    roiVoxels: 10,
    features: [],
    histogram: {} as AnalysisResult['histogram'],
  };
}

describe('localFeaturesFromAnalysis', () => {
  it('keeps the identifiers for the worker to pseudonymise and names the ROI per slice', () => {
    const [perSlice, whole] = localFeaturesFromAnalysis(
      [result(positionKey(stack[0]), 1), result('', 0)],
      { '1.2.3.4': series },
      { '1.2.3.4': stack },
    );
    expect(perSlice.source).toEqual({
      patientId: 'PID-7',
      studyInstanceUid: '1.2.3',
      seriesInstanceUid: '1.2.3.4',
      sopInstanceUid: '1.2.3.4.5',
    });
    expect(perSlice.roi.name).toBe('ROI 1 slice 1');
    expect(whole.roi.name).toBe('ROI 1');
    expect(whole.source.sopInstanceUid).toBeUndefined();
    // The ROI description travels in the bundle: no file path in it.
    expect(JSON.stringify([perSlice.roi, whole.roi])).not.toContain('SMITH');
  });

  it('skips results of series that are no longer loaded', () => {
    expect(localFeaturesFromAnalysis([result('', 0)], {}, {})).toEqual([]);
  });
});

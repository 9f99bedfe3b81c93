import { describe, expect, it } from 'vitest';
import type { InstanceMeta } from '../../core/dicom/types.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import type { AppState } from '../store/store.ts';
import { planJobs } from './planJobs.ts';
import type { AnalysisSettings, Roi } from './types.ts';

const settings: AnalysisSettings = {
  families: ['glcm'],
  binning: 'bin-count',
  binCount: 32,
  binWidth: 25,
  resegment: null,
  aggregation: '2d-avg',
  distance: 1,
};

function stack(n: number, series: string): StackPosition[] {
  return Array.from({ length: n }, (_, k) => ({
    instance: { file: `${series}/${k}.dcm` } as InstanceMeta,
    frame: 0,
  }));
}

function state(change: Partial<AppState>): AppState {
  return {
    stacks: { a: stack(4, 'a'), b: stack(3, 'b') },
    viewports: [{ seriesUID: 'a', index: 2 }],
    active: 0,
    rois: [],
    roiChoice: 'whole',
    scope: 'image',
    settings,
    ...change,
  } as unknown as AppState;
}

const rect = { kind: 'rectangle', x: 1, y: 1, width: 4, height: 4 } as const;
const roi: Roi = {
  id: 'r1',
  name: 'ROI 1',
  seriesUID: 'a',
  shapes: { 'a/1.dcm#0': rect, 'a/3.dcm#0': rect },
};

describe('planJobs', () => {
  it('current image: one job at the shown slice', () => {
    const jobs = planJobs(state({}));
    expect(jobs.map((j) => [j.position, j.slice, j.roiName])).toEqual([
      ['a/2.dcm#0', 3, 'Whole image'],
    ]);
  });

  it('series with a drawn ROI, 2D: one job for the ROI volume, as in every aggregation', () => {
    const jobs = planJobs(state({ scope: 'series', rois: [roi], roiChoice: 'r1' }));
    expect(jobs).toHaveLength(1);
    expect(jobs[0].slice).toBe(0);
    expect(jobs[0].shapes).toEqual([rect, null, rect]);
  });

  it('series with a drawn ROI, per slice: one job per slice that has the ROI', () => {
    const perSlice = { ...settings, perSlice: true };
    const jobs = planJobs(
      state({ scope: 'series', rois: [roi], roiChoice: 'r1', settings: perSlice }),
    );
    expect(jobs.map((j) => j.slice)).toEqual([2, 4]);
  });

  it('all series, whole image: one job per series, or every slice of every series', () => {
    expect(planJobs(state({ scope: 'all' })).map((j) => j.positions.length)).toEqual([4, 3]);
    const perSlice = { ...settings, perSlice: true };
    expect(planJobs(state({ scope: 'all', settings: perSlice }))).toHaveLength(7);
  });

  it('3D: one job per ROI volume, gaps inside it kept as empty slices', () => {
    const jobs = planJobs(
      state({
        scope: 'series',
        rois: [roi],
        roiChoice: 'r1',
        settings: { ...settings, aggregation: '3d-merged' },
      }),
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0].shapes).toEqual([rect, null, rect]);
    expect(jobs[0].positions.map((p) => p.instance.file)).toEqual([
      'a/1.dcm',
      'a/2.dcm',
      'a/3.dcm',
    ]);
  });

  it('the same ROI and parameters give the same key; other parameters another', () => {
    const one = planJobs(state({}))[0].key;
    expect(planJobs(state({}))[0].key).toBe(one);
    expect(planJobs(state({ settings: { ...settings, binCount: 16 } }))[0].key).not.toBe(one);
  });
});

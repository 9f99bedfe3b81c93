// Which jobs a run needs: one per ROI volume in every aggregation (2D texture is aggregated
// over the ROI's slices, as `consilium features` does), or one per slice when the settings ask
// for it or the run is of the current image; for the current image, the current series or
// every loaded series. Pure: state in, job list out.
import { jobKey } from '../../core/analysis/jobs/jobKey.ts';
import type { RoiShape } from '../../core/analysis/roi/shapes.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import type { AppState } from '../store/store.ts';
import { positionKey } from '../viewer/useStackFrame.ts';
import { isPerSlice, paramsKeyOf } from './featureParams.ts';
import { wholeImageRoiName } from './roiText.ts';
import type { AnalysisResult } from './types.ts';

/** The identity of the result the job becomes, and the positions and ROI shapes it reads. */
export interface PlannedJob extends Pick<
  AnalysisResult,
  'key' | 'seriesUID' | 'position' | 'slice' | 'roiName' | 'roiKey' | 'paramsKey'
> {
  positions: StackPosition[];
  shapes: (RoiShape | null)[];
}

interface RoiLike {
  id: string;
  name: string;
  shapeAt: (position: string) => RoiShape | null;
}

const whole: RoiShape = { kind: 'whole' };
const wholeRoi: RoiLike = { id: 'whole', name: wholeImageRoiName, shapeAt: () => whole };

function roisFor(s: AppState, seriesUID: string): RoiLike[] {
  if (s.roiChoice === 'whole') return [wholeRoi];
  const drawn = s.rois.filter((r) => r.seriesUID === seriesUID);
  const chosen = s.scope === 'all' ? drawn : drawn.filter((r) => r.id === s.roiChoice);
  return chosen.map((r) => ({ id: r.id, name: r.name, shapeAt: (p) => r.shapes[p] ?? null }));
}

export function planJobs(s: AppState): PlannedJob[] {
  const vp = s.viewports[s.active];
  const current = vp.seriesUID;
  const seriesList =
    s.scope === 'all' ? Object.keys(s.stacks) : current && s.stacks[current] ? [current] : [];
  const paramsKey = paramsKeyOf(s.settings);
  const perSlice = isPerSlice(s.settings) || s.scope === 'image';
  const jobs: PlannedJob[] = [];
  for (const seriesUID of seriesList) {
    const stack = s.stacks[seriesUID];
    const indices =
      s.scope === 'image' ? [Math.min(vp.index, stack.length - 1)] : stack.map((_, k) => k);
    for (const roi of roisFor(s, seriesUID)) {
      const base = { seriesUID, roiName: roi.name, paramsKey };
      if (perSlice) {
        for (const k of indices) {
          const position = positionKey(stack[k]);
          const shape = roi.shapeAt(position);
          if (!shape) continue;
          const roiKey = jobKey({ roi: roi.id, shape });
          const key = jobKey({ at: position, roiKey, paramsKey });
          const slice = k + 1;
          jobs.push({
            ...base,
            key,
            position,
            slice,
            roiKey,
            positions: [stack[k]],
            shapes: [shape],
          });
        }
        continue;
      }
      // A volume spans the slices from the ROI's first to its last; gaps stay outside it.
      const shapes = stack.map((p) => roi.shapeAt(positionKey(p)));
      const first = shapes.findIndex((x) => x !== null);
      if (first < 0) continue;
      const last = shapes.length - 1 - [...shapes].reverse().findIndex((x) => x !== null);
      const roiKey = jobKey({ roi: roi.id, shapes: shapes.slice(first, last + 1) });
      jobs.push({
        ...base,
        key: jobKey({ at: seriesUID, roiKey, paramsKey }),
        position: '',
        slice: 0,
        roiKey,
        positions: stack.slice(first, last + 1),
        shapes: shapes.slice(first, last + 1),
      });
    }
  }
  return jobs;
}

// The Filters section's actions: the response map of the shown series, and the features of the
// chosen ROI on the filtered image, each in the filter worker with progress; "Cancel" aborts,
// which terminates the worker. Filtered results join the Analysis results under their own key
// and a ROI name that carries the filter, so they never overwrite unfiltered ones and export
// to bundles as their own rows.
import type { FamilyId } from '../../../core/analysis/featureDef.ts';
import type { SpacingMm } from '../../../core/analysis/volume.ts';
import { sliceSpacingMm } from '../../../core/analysis/volumeFromFrames.ts';
import type { StackPosition } from '../../../core/ingest/stack.ts';
import { problemOf, ProblemError } from '../../../core/result.ts';
import { filterWorker } from '../../services/workers.ts';
import { useStore } from '../../store/store.ts';
import { positionKey } from '../../viewer/useStackFrame.ts';
import { featureParams } from '../featureParams.ts';
import { frameSources } from '../frameSource.ts';
import { planJobs } from '../planJobs.ts';
import type { AnalysisResult } from '../types.ts';
import { checkForm, filterOptionsOf } from './filterForm.ts';
import { filteredResult } from './filteredResult.ts';
import { useFilters, type FilteredResultInfo } from './filterStore.ts';
import { dropResponse, keepResponse } from './responseMap.ts';

const HISTOGRAM_BINS = 64;
let controller: AbortController | null = null;
let responses = 0;

export function cancelFilter(): void {
  controller?.abort();
}

function spacingOf(stack: readonly StackPosition[]): SpacingMm {
  const metas = stack.map((p) => p.instance);
  const [rowMm, colMm] = metas[0].pixelSpacingMm ?? [1, 1];
  return [colMm, rowMm, sliceSpacingMm(metas)];
}

function shownSeries(): { seriesUID: string; stack: StackPosition[] } | null {
  const s = useStore.getState();
  const seriesUID = s.viewports[s.active].seriesUID;
  const stack = seriesUID !== null ? s.stacks[seriesUID] : undefined;
  return seriesUID !== null && stack && stack.length > 0 ? { seriesUID, stack } : null;
}

/** Runs one job of kind `kind`: progress into the store, a problem or a cancel as its end. */
async function track(
  kind: 'response' | 'features',
  work: (signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const f = useFilters.getState();
  if (f.job.status === 'running') return;
  const checked = checkForm(f.form);
  if (!checked.ok) {
    f.setJob({ kind, status: 'failed', problem: checked.problem });
    return;
  }
  const ctrl = new AbortController();
  controller = ctrl;
  f.setJob({ kind, status: 'running', done: 0, step: 'read', problem: null });
  try {
    await work(ctrl.signal);
    f.setJob({ status: 'done', done: 1 });
  } catch (e) {
    if (ctrl.signal.aborted) f.setJob({ status: 'cancelled' });
    else f.setJob({ status: 'failed', problem: problemOf(e, 'filter-failed') });
  } finally {
    controller = null;
  }
}

const progress = (done: number, step: 'read' | 'filter' | 'features') =>
  useFilters.getState().setJob({ done, step });

function noSeries(): ProblemError {
  return new ProblemError('no-series', 'Show a series in the viewer first.');
}

/** The response map of the series in the active viewport, shown as the overlay. */
export function computeResponse(): Promise<void> {
  return track('response', async (signal) => {
    const shown = shownSeries();
    if (!shown) throw noSeries();
    const { form } = useFilters.getState();
    const sources = await frameSources(shown.stack);
    // The old map goes before the new one is made: two would double the peak memory.
    useFilters.getState().setResponse(null);
    dropResponse();
    const r = await filterWorker.call(
      signal,
      'response',
      { sources, spacingMm: spacingOf(shown.stack), filter: filterOptionsOf(form) },
      progress,
    );
    if (!r.ok) throw new ProblemError(r.error.code, r.error.reason, r.error.params);
    const { values, ...info } = r.value;
    const id = ++responses;
    keepResponse(id, values);
    useFilters.getState().setResponse({ ...info, id, seriesUID: shown.seriesUID });
    useFilters.getState().setOverlay({ shown: true });
  });
}

/** The families a filtered image gets: intensity statistics, and the ticked ones if asked. */
function familiesOf(withChosen: boolean, chosen: readonly FamilyId[]): FamilyId[] {
  const base: FamilyId[] = ['intensity-statistics'];
  return withChosen ? [...new Set([...base, ...chosen])] : base;
}

/** Features of the chosen ROI (or the whole image) on the filtered shown series. */
export function computeFilteredFeatures(): Promise<void> {
  return track('features', async (signal) => {
    const shown = shownSeries();
    if (!shown) throw noSeries();
    const s = useStore.getState();
    const { form, withChosenFamilies } = useFilters.getState();
    const { stack } = shown;
    // One volume per ROI of the shown series, whatever the run scope (the response is of one
    // series), over the whole series so the filter sees the image around the ROI as the CLI does.
    const jobs = planJobs({ ...s, scope: 'series', settings: { ...s.settings, perSlice: false } });
    const families = familiesOf(withChosenFamilies, s.settings.families);
    const params = featureParams(s.settings);
    const sources = await frameSources(stack);
    const spacingMm = spacingOf(stack);
    const at = new Map(stack.map((p, k) => [positionKey(p), k]));
    const done: AnalysisResult[] = [];
    const shownHere: FilteredResultInfo[] = [];
    for (const job of jobs) {
      const first = at.get(positionKey(job.positions[0])) ?? 0;
      const shapes = stack.map((_, k) => job.shapes[k - first] ?? null);
      const r = await filterWorker.call(
        signal,
        'features',
        {
          sources,
          spacingMm,
          filter: filterOptionsOf(form),
          shapes,
          params,
          families,
          modality: stack[0].instance.modality ?? '',
          histogramBins: HISTOGRAM_BINS,
        },
        progress,
      );
      if (!r.ok) throw new ProblemError(r.error.code, r.error.reason, r.error.params);
      const result = filteredResult(job, r.value, families);
      done.push(result);
      shownHere.push({ key: result.key, roiName: result.roiName, features: r.value.features });
    }
    if (jobs.length === 0)
      throw new ProblemError('no-roi', 'The chosen ROI has no shape on the shown series.');
    const store = useStore.getState();
    store.putResults(done);
    const keys = new Set(done.map((r) => r.key));
    store.setShownKeys([...store.shownKeys.filter((k) => !keys.has(k)), ...keys]);
    useFilters.getState().setLastFeatures(shownHere);
  });
}

// The "Run" action: plan jobs, reuse cached results, send the rest to the analysis pool with a
// bounded number in flight, report progress; "Cancel" aborts, which terminates the workers.
import type { SpacingMm } from '../../core/analysis/volume.ts';
import { sliceSpacingMm } from '../../core/analysis/volumeFromFrames.ts';
import type { InstanceMeta } from '../../core/dicom/types.ts';
import { runLimited } from '../../core/ingest/runLimited.ts';
import { ProblemError, problemOf } from '../../core/result.ts';
import { analysisPool } from '../services/workers.ts';
import { useStore } from '../store/store.ts';
import { featureParams } from './featureParams.ts';
import { frameSources } from './frameSource.ts';
import { planJobs, type PlannedJob } from './planJobs.ts';
import type { AnalysisResult, RunFailure } from './types.ts';

const HISTOGRAM_BINS = 64;
let controller: AbortController | null = null;

export function cancelAnalysis(): void {
  controller?.abort();
}

function spacingOf(metas: InstanceMeta[]): SpacingMm {
  const [rowMm, colMm] = metas[0].pixelSpacingMm ?? [1, 1];
  return [colMm, rowMm, sliceSpacingMm(metas)];
}

async function runJob(job: PlannedJob, signal: AbortSignal): Promise<AnalysisResult> {
  const { settings, computeOn } = useStore.getState();
  // As `consilium features --per-slice` refuses it: one slice has no neighbours to resample from.
  if (job.slice > 0 && settings.resample?.spacingMm.length === 3)
    throw new ProblemError(
      'per-slice-3d',
      'one slice at a time cannot be resampled in 3D; leave the z spacing empty (within slices) or run on the series',
    );
  const sources = await frameSources(job.positions);
  const request = {
    sources,
    spacingMm: spacingOf(job.positions.map((p) => p.instance)),
    shapes: job.shapes,
    params: featureParams(settings),
    families: settings.families,
    histogramBins: HISTOGRAM_BINS,
    // CT is rounded to whole HU after resampling, as `consilium features` does.
    modality: job.positions[0]?.instance.modality ?? '',
    computeOn,
  };
  const r = await analysisPool.call(signal, 'features', request);
  if (!r.ok) throw new ProblemError(r.error.code, r.error.reason, r.error.params);
  const reply = r.value;
  useStore.getState().setComputedOn(reply.computedOn);
  const { positions: _p, shapes: _s, ...where } = job;
  return {
    ...where,
    params: reply.params,
    roiVoxels: reply.roiVoxels,
    features: reply.features,
    histogram: reply.histogram,
  };
}

export async function runAnalysis(): Promise<void> {
  const store = useStore.getState;
  if (store().run.status === 'running') return;
  const jobs = planJobs(store());
  const ctrl = new AbortController();
  controller = ctrl;
  const todo = jobs.filter((j) => !store().results[j.key]);
  const cached = jobs.length - todo.length;
  const failures: RunFailure[] = [];
  store().setRun({ status: 'running', done: cached, total: jobs.length, cached, failures });
  store().setShownKeys(jobs.map((j) => j.key));
  await runLimited(todo, analysisPool.size * 2, async (job) => {
    if (ctrl.signal.aborted) return;
    try {
      store().putResults([await runJob(job, ctrl.signal)]);
    } catch (e) {
      if (ctrl.signal.aborted) return;
      failures.push({
        roi: job.roiName,
        slice: job.slice,
        problem: problemOf(e, 'analysis-failed'),
      });
    }
    store().setRun({ done: store().run.done + 1, failures: [...failures] });
  });
  controller = null;
  const status = ctrl.signal.aborted ? 'cancelled' : failures.length > 0 ? 'failed' : 'done';
  store().setRun({ status });
}

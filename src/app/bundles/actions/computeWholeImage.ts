// Whole-image IBSI features for every loaded series, in the analysis worker pool: each worker
// reads its series' frames (cached values or the files) one at a time and runs the core recipe.
import { defaultParams, type FeatureParams } from '../../../core/analysis/params.ts';
import { runLimited } from '../../../core/ingest/runLimited.ts';
import { problemOf, type Problem } from '../../../core/result.ts';
import { frameSources } from '../../analysis/frameSource.ts';
import { analysisPool } from '../../services/workers.ts';
import { useStore } from '../../store/store.ts';

export async function computeWholeImageFeatures(binCount: number): Promise<void> {
  const params: FeatureParams = {
    ...defaultParams,
    discretisation: { kind: 'bin-count', binCount },
  };
  const store = useStore.getState();
  const series = Object.values(store.seriesByUid).filter((s) => s.modality !== 'SR');
  store.setFeatureJob({ done: 0, total: series.length, running: true });
  const failures: { series: string; problem: Problem }[] = [];
  let done = 0;
  await runLimited(series, analysisPool.size, async (s) => {
    const uid = s.seriesInstanceUID;
    const positions = useStore.getState().stacks[uid] ?? [];
    try {
      const metas = positions.map((p) => p.instance);
      const sources = await frameSources(positions);
      const r = await analysisPool.call(
        undefined,
        'wholeImageFeatures',
        uid,
        metas,
        sources,
        params,
      );
      if (r.ok) useStore.getState().putLocalFeatures(r.value);
      else failures.push({ series: s.seriesDescription || uid, problem: r.error });
    } catch (e) {
      failures.push({ series: s.seriesDescription || uid, problem: problemOf(e, 'features') });
    }
    done++;
    useStore.getState().setFeatureJob({ done, total: series.length, running: true });
  });
  useStore.getState().setFeatureJob({
    done,
    total: series.length,
    running: false,
    ...(failures.length ? { failures } : {}),
  });
}

// Whole-image IBSI features for every loaded series: frames come from the frame cache (decoded
// in the decode workers), the features are computed in the bundle worker.
import { loadFrame } from '../../services/frames.ts';
import { useStore } from '../../store/store.ts';
import { bundleWorker } from '../../services/workers.ts';

export async function computeWholeImageFeatures(binCount: number): Promise<void> {
  const store = useStore.getState();
  const series = Object.values(store.seriesByUid).filter((s) => s.modality !== 'SR');
  store.setFeatureJob({ done: 0, total: series.length, running: true });
  const failures: string[] = [];
  let done = 0;
  for (const s of series) {
    const uid = s.seriesInstanceUID;
    const positions = useStore.getState().stacks[uid] ?? [];
    try {
      const frames = await Promise.all(positions.map((p) => loadFrame(p.instance, p.frame)));
      const metas = positions.map((p) => p.instance);
      const result = await bundleWorker.call(undefined, (api) =>
        api.wholeImageFeatures(uid, metas, frames, binCount),
      );
      useStore.getState().putLocalFeatures(result);
    } catch (e) {
      const err = e as { reason?: string; message?: string };
      failures.push(`${s.seriesDescription || uid}: ${err.reason ?? err.message ?? String(e)}`);
    }
    done++;
    useStore.getState().setFeatureJob({ done, total: series.length, running: true });
  }
  useStore.getState().setFeatureJob({
    done,
    total: series.length,
    running: false,
    ...(failures.length ? { error: failures.join('; ') } : {}),
  });
}

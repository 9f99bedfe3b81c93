// The progress of the study being fetched, outside any component: the start page's PACS panel
// unmounts as soon as the first series shows, and the study browser's takes over the bar (and
// its Cancel, which stops the series request; what came in stays loaded).
import { create } from 'zustand';
import { openPacsStudy, type PacsProgress } from './openPacsStudy.ts';
import type { PacsConfig } from './pacsServers.ts';

export interface PacsOpening {
  progress?: PacsProgress;
  /** Stops the study being opened; undefined when none is. */
  cancel?: () => void;
  /** The last study opened was cancelled. */
  cancelled?: boolean;
}

export const usePacsProgress = create<PacsOpening>(() => ({}));

export function setPacsProgress(progress: PacsProgress): void {
  usePacsProgress.setState({ progress });
}

/** Opens a study from the PACS with a Cancel of its own (a newer open cancels the last). */
export async function openPacsWithCancel(config: PacsConfig, studyUid: string): Promise<void> {
  usePacsProgress.getState().cancel?.();
  const controller = new AbortController();
  const cancel = () => controller.abort();
  usePacsProgress.setState({ cancel, cancelled: false });
  try {
    await openPacsStudy(config, studyUid, setPacsProgress, controller.signal);
  } finally {
    if (usePacsProgress.getState().cancel === cancel)
      usePacsProgress.setState({ cancel: undefined, cancelled: controller.signal.aborted });
  }
}

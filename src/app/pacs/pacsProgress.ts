// The progress of the study being fetched, outside any component: the start page's PACS panel
// unmounts as soon as the first series shows, and the study browser's takes over the bar.
import { create } from 'zustand';
import type { PacsProgress } from './openPacsStudy.ts';

export const usePacsProgress = create<{ progress?: PacsProgress }>(() => ({}));

export function setPacsProgress(progress: PacsProgress): void {
  usePacsProgress.setState({ progress });
}

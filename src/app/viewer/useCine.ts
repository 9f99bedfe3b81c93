// Cine: while fps is above 0 (the viewport plays), step through its stack at that rate,
// wrapping from the last slice to the first.
import { useEffect } from 'react';
import { useStore } from '../store/store.ts';

export function useCine(viewport: number, count: number, fps: number): void {
  useEffect(() => {
    if (fps <= 0 || count < 2) return;
    const timer = setInterval(() => {
      const s = useStore.getState();
      const index = s.viewports[viewport].index;
      s.setIndex(viewport, index + 1 >= count ? 0 : index + 1);
    }, 1000 / fps);
    return () => clearInterval(timer);
  }, [viewport, count, fps]);
}

// Keeps a viewport on the slice of the active viewport when both show the same series: the
// response viewport beside the image scrolls with it. (Linked scrolling moves other series of
// the frame of reference, not a second view of the same one.) Only the active viewport leads.
import { useEffect } from 'react';
import { useStore } from '../../store/store.ts';

export function useSameSlice(viewport: number, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const follow = () => {
      const s = useStore.getState();
      const lead = s.viewports[s.active];
      const me = s.viewports[viewport];
      if (s.active === viewport || lead.seriesUID === null || lead.seriesUID !== me.seriesUID)
        return;
      if (me.index !== lead.index) s.setIndex(viewport, lead.index);
    };
    // And the other way round: scrolled itself, this viewport leads the image's.
    const lead = () => {
      const s = useStore.getState();
      if (s.active !== viewport) return;
      const me = s.viewports[viewport];
      s.viewports.forEach((v, i) => {
        if (i !== viewport && v.seriesUID === me.seriesUID && v.index !== me.index)
          s.setIndex(i, me.index);
      });
    };
    follow();
    return useStore.subscribe(() => {
      follow();
      lead();
    });
  }, [viewport, enabled]);
}

// Whether a series is still arriving (a PACS series request in flight). The viewer's preload of
// the whole stack waits for it: decoding every slice while the bytes come in took the cores the
// receiving needed, and each arriving batch restarted it. The slice shown and its neighbours are
// decoded as always (useStackFrame), so scrolling still shows any slice already received.
import { create } from 'zustand';

export const useReceiving = create<{ series: number }>(() => ({ series: 0 }));

export const receiving = {
  /** One series request begins; the returned function says it ended (once). */
  start(): () => void {
    useReceiving.setState((s) => ({ series: s.series + 1 }));
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      useReceiving.setState((s) => ({ series: s.series - 1 }));
    };
  },
};

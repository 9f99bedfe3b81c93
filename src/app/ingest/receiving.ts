// Whether a study is still arriving (a PACS study being opened). The viewer's preload of the
// whole stack waits for it: decoding every slice while the bytes come in took the cores the
// receiving needed, and each arriving batch restarted it. The slice shown and its neighbours are
// decoded as always (useStackFrame), so scrolling still shows any slice already received.
import { create } from 'zustand';

export const useReceiving = create<{ studies: number }>(() => ({ studies: 0 }));

export const receiving = {
  /** A study begins to arrive; the returned function says it is in (or stopped), once. */
  start(): () => void {
    useReceiving.setState((s) => ({ studies: s.studies + 1 }));
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      useReceiving.setState((s) => ({ studies: s.studies - 1 }));
    };
  },
};

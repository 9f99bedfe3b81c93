// Loads the frame a viewport shows (decoded in a worker, cached), and warms its neighbours.
import { useEffect, useState } from 'react';
import type { DecodedFrame } from '../../core/dicom/types.ts';
import type { Problem } from '../../core/result.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { FrameError, loadFrame } from '../services/frames.ts';

export interface FrameState {
  frame: DecodedFrame | null;
  /** The position `frame` belongs to (the previous frame stays up while the next decodes). */
  shown: StackPosition | null;
  /** Why the frame could not be shown (translated where it is shown). */
  error: Problem | null;
}

// The neighbours go first; the preloader (usePreload) fetches the rest of the stack.
const PREFETCH = 2;

export function positionKey(p: StackPosition): string {
  return `${p.instance.file}#${p.frame}`;
}

export function useStackFrame(stack: StackPosition[] | undefined, index: number): FrameState {
  const [state, setState] = useState<FrameState>({ frame: null, shown: null, error: null });
  const position = stack?.[index];

  useEffect(() => {
    if (!stack || !position) return;
    let live = true;
    loadFrame(position.instance, position.frame).then(
      (frame) => live && setState({ frame, shown: position, error: null }),
      (e: unknown) =>
        live &&
        setState({
          frame: null,
          shown: position,
          error:
            e instanceof FrameError
              ? e.error
              : { code: 'decode-failed', reason: String(e), params: {} },
        }),
    );
    // Scrolling usually continues in the same direction: decode ahead (and a little behind).
    for (let d = 1; d <= PREFETCH; d++) {
      for (const k of [index + d, index - d]) {
        const p = stack[k];
        if (p) loadFrame(p.instance, p.frame).catch(() => {});
      }
    }
    return () => {
      live = false;
    };
  }, [stack, position, index]);

  return position ? state : { frame: null, shown: null, error: null };
}

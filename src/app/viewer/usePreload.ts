import { useEffect, useRef, useState } from 'react';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { useReceiving } from '../ingest/receiving.ts';
import { preloadStack } from '../services/preload.ts';

/**
 * Preloads a viewport's stack from the slice shown when it opened; returns frames decoded. While
 * a PACS study is still arriving it waits (the shown slice and its neighbours decode as always).
 */
export function usePreload(stack: StackPosition[] | undefined, index: number): number {
  const [decoded, setDecoded] = useState({ stack, count: 0 });
  const receiving = useReceiving((s) => s.studies > 0);
  const startAt = useRef(index);
  useEffect(() => {
    startAt.current = index;
  }, [index]);
  useEffect(() => {
    if (!stack || receiving) return;
    return preloadStack(stack, startAt.current, (count) => setDecoded({ stack, count }));
  }, [stack, receiving]);
  return decoded.stack === stack ? decoded.count : 0;
}

// Linked scrolling: when the active viewport moves to another slice, every other viewport
// showing a parallel stack of the same frame of reference moves to its slice nearest that
// place. Only the active viewport leads, so the others' moves never echo back.
import { useEffect } from 'react';
import { nearestSlice } from '../../../core/measure/planes.ts';
import { selectPosition, selectStack } from '../../store/selectors.ts';
import { useStore } from '../../store/store.ts';
import { layoutCells } from '../../store/viewerSlice.ts';
import { sliceTolerance, stackPlanes } from './stackPlanes.ts';

export function useLinkedScrolling(): void {
  useEffect(
    () =>
      useStore.subscribe((s, before) => {
        if (!s.linked) return;
        const a = s.active;
        const now = s.viewports[a];
        const was = before.viewports[a];
        const moved =
          now.index !== was.index ||
          now.seriesUID !== was.seriesUID ||
          s.linked !== before.linked ||
          s.stacks !== before.stacks;
        if (!moved) return;
        const source = selectPosition(a)(s);
        const sourceStack = selectStack(a)(s);
        const frame = source?.instance.frameOfReferenceUID;
        if (!source || !sourceStack || !frame) return;
        const plane = stackPlanes(sourceStack)[now.index];
        if (!plane) return;
        for (let i = 0; i < layoutCells[s.layout]; i++) {
          const stack = selectStack(i)(s);
          if (i === a || !stack || stack === sourceStack) continue;
          if (stack[0]?.instance.frameOfReferenceUID !== frame) continue;
          const k = nearestSlice(plane, stackPlanes(stack), sliceTolerance(stack));
          if (k !== null && k !== s.viewports[i].index) s.setIndex(i, k);
        }
      }),
    [],
  );
}

import { useEffect, useState } from 'react';
import { loadFiles } from '../actions/loadFiles.ts';
import { isSeriesDrag } from '../browser/seriesDrag.ts';
import { warmWorkers } from '../services/warmWorkers.ts';
import { sourcesFromDataTransfer } from './fromDataTransfer.ts';

/**
 * The whole window accepts dropped files and folders; returns whether a drag is over it. A series
 * dragged from the study browser is not files: viewports take it, the window ignores it.
 */
export function useDropZone(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (isSeriesDrag(e.dataTransfer)) return;
      e.preventDefault();
      if (depth === 0) warmWorkers(); // up before the drop, not started by it
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (isSeriesDrag(e.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (!isSeriesDrag(e.dataTransfer)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (isSeriesDrag(e.dataTransfer)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      if (e.dataTransfer) void sourcesFromDataTransfer(e.dataTransfer).then(loadFiles);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}

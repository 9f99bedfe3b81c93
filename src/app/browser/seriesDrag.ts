// Dragging a series from the study browser onto a viewport: the drag carries the series UID
// under a type of our own, so the window's file drop zone can tell it from dropped files.
export const seriesDragType = 'application/x-consilium-series';

export function isSeriesDrag(data: DataTransfer | null): boolean {
  return !!data && Array.from(data.types).includes(seriesDragType);
}

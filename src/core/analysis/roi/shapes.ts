// ROI shapes drawn on an image, in image coordinates: x to the right, y down, pixel (i, j)
// covering [i, i+1) x [j, j+1), so its centre is (i + 0.5, j + 0.5).

export type RoiShape =
  | { kind: 'rectangle'; x: number; y: number; width: number; height: number }
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'polygon'; points: readonly (readonly [x: number, y: number])[] }
  /** Pixels of a mask input (RTSTRUCT, SEG): [start, length, …] runs of row-major pixel indices. */
  | { kind: 'mask'; runs: readonly number[] }
  | { kind: 'whole' };

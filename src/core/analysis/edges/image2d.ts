// A 2D image of modality values, row-major (x fastest): what the edge kernels take and return.

export interface Image2d {
  values: Float32Array;
  width: number;
  height: number;
}

/** Mirror index into [0, n) without repeating the edge sample (OpenCV's BORDER_REFLECT_101). */
export function reflect101(i: number, n: number): number {
  if (n === 1) return 0;
  while (i < 0 || i >= n) i = i < 0 ? -i : 2 * n - 2 - i;
  return i;
}

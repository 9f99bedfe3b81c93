// A texture matrix (rows = grey levels, columns = co-occurring level, run length, zone size...)
// with the number of voxels it was counted over, and merging as IBSI aggregation needs it.

export interface TextureMatrix {
  /** Row-major counts: data[(g - 1) * cols + c]. */
  data: Float64Array;
  rows: number;
  cols: number;
  /** ROI voxels the matrix was counted over (the Nv of run/zone percentage). */
  voxels: number;
  /**
   * The size (zone size) column c counts, ascending; absent: c + 1. Zone sizes run to the ROI's
   * size (a whole-image ROI has a zone of millions of voxels), so the size-zone matrix keeps only
   * the sizes that occur instead of a dense row of every size up to the largest.
   */
  sizes?: Float64Array;
}

export function emptyMatrix(rows: number, cols: number): TextureMatrix {
  return { data: new Float64Array(rows * cols), rows, cols, voxels: 0 };
}

/** The size column c of m stands for. */
export function columnSize(m: TextureMatrix, c: number): number {
  return m.sizes ? m.sizes[c] : c + 1;
}

/** Matrices whose columns are listed sizes: summed by size, over the union of their sizes. */
function mergeBySize(matrices: readonly TextureMatrix[]): TextureMatrix {
  const all: number[] = [];
  for (const m of matrices) for (let c = 0; c < m.cols; c++) all.push(columnSize(m, c));
  const sorted = Float64Array.from(all).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  const sizes = sorted.slice(0, n);
  const rows = matrices[0].rows;
  const out: TextureMatrix = { ...emptyMatrix(rows, n), sizes };
  for (const m of matrices) {
    out.voxels += m.voxels;
    for (let c = 0; c < m.cols; c++) {
      const to = sizeColumn(sizes, columnSize(m, c));
      for (let r = 0; r < rows; r++) out.data[r * n + to] += m.data[r * m.cols + c];
    }
  }
  return out;
}

/** The column of size s in ascending sizes (s is one of them). */
export function sizeColumn(sizes: Float64Array | Int32Array, s: number): number {
  let lo = 0;
  let hi = sizes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sizes[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Element-wise sum of matrices with the same rows; columns grow to the widest (or, for
 * matrices with listed sizes, to the union of their sizes). */
export function mergeMatrices(matrices: readonly TextureMatrix[]): TextureMatrix {
  if (matrices.some((m) => m.sizes)) return mergeBySize(matrices);
  const rows = matrices[0].rows;
  let cols = 0;
  for (const m of matrices) cols = Math.max(cols, m.cols);
  const out = emptyMatrix(rows, cols);
  for (const m of matrices) {
    out.voxels += m.voxels;
    for (let r = 0; r < rows; r++) {
      const src = r * m.cols;
      const dst = r * cols;
      for (let c = 0; c < m.cols; c++) out.data[dst + c] += m.data[src + c];
    }
  }
  return out;
}

export function matrixSum(m: TextureMatrix): number {
  let s = 0;
  for (let i = 0; i < m.data.length; i++) s += m.data[i];
  return s;
}

/** Whether every count is 0 (counts are never negative, so: whether the sum is 0). */
export function matrixIsEmpty(m: TextureMatrix): boolean {
  const d = m.data;
  for (let i = 0; i < d.length; i++) if (d[i] !== 0) return false;
  return true;
}

// A texture matrix (rows = grey levels, columns = co-occurring level, run length, zone size...)
// with the number of voxels it was counted over, and merging as IBSI aggregation needs it.

export interface TextureMatrix {
  /** Row-major counts: data[(g - 1) * cols + c]. */
  data: Float64Array;
  rows: number;
  cols: number;
  /** ROI voxels the matrix was counted over (the Nv of run/zone percentage). */
  voxels: number;
}

export function emptyMatrix(rows: number, cols: number): TextureMatrix {
  return { data: new Float64Array(rows * cols), rows, cols, voxels: 0 };
}

/** Element-wise sum of matrices with the same rows; columns grow to the widest. */
export function mergeMatrices(matrices: readonly TextureMatrix[]): TextureMatrix {
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

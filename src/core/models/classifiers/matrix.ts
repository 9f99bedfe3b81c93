// A dense design matrix: rows are cases, columns features, row-major in one Float64Array so the
// solvers' inner loops index it directly and allocate nothing per element.

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Binary labels, 0 or 1 per case. */
export type Labels = Uint8Array;

export function matrix(rows: number, cols: number, data = new Float64Array(rows * cols)): Matrix {
  if (data.length !== rows * cols) throw new RangeError('Matrix data does not match its shape.');
  return { rows, cols, data };
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((r, i) => data.set(r, i * cols));
  return { rows: rows.length, cols, data };
}

/** The cases at `index`, in that order (a copy). */
export function takeRows(x: Matrix, index: ArrayLike<number>): Matrix {
  const out = new Float64Array(index.length * x.cols);
  for (let k = 0; k < index.length; k++) {
    const from = index[k] * x.cols;
    out.set(x.data.subarray(from, from + x.cols), k * x.cols);
  }
  return { rows: index.length, cols: x.cols, data: out };
}

/** The features at `columns`, in that order (a copy). */
export function takeColumns(x: Matrix, columns: ArrayLike<number>): Matrix {
  const c = columns.length;
  const out = new Float64Array(x.rows * c);
  for (let i = 0; i < x.rows; i++) {
    const row = i * x.cols;
    for (let j = 0; j < c; j++) out[i * c + j] = x.data[row + columns[j]];
  }
  return { rows: x.rows, cols: c, data: out };
}

export function takeLabels(y: Labels, index: ArrayLike<number>): Labels {
  const out = new Uint8Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = y[index[k]];
  return out;
}

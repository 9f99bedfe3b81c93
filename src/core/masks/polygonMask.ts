// Rasterising planar contours the way IBSI and PyRadiomics' converters do: a voxel belongs to
// the ROI when its centre is inside the polygon. All polygons of one slice count together by
// the even-odd rule, so a contour drawn inside another is a hole.

/**
 * Fills `out[offset + x + columns * y]` with 1 where the voxel centre (x, y) lies inside the
 * polygons (even-odd). Each polygon is [x0, y0, x1, y1, …] in pixel coordinates (column, row),
 * implicitly closed. A centre exactly on a crossing counts as inside on the left edge and outside
 * on the right, the same half-open rule as the classic crossing-number test, so two polygons
 * sharing an edge never both claim, nor both miss, a voxel.
 */
export function fillPolygonsEvenOdd(
  polygons: readonly Float64Array[],
  columns: number,
  rows: number,
  out: Uint8Array,
  offset: number,
): void {
  let yMin = Infinity;
  let yMax = -Infinity;
  let edges = 0;
  for (const p of polygons) {
    edges += p.length >> 1;
    for (let i = 1; i < p.length; i += 2) {
      if (p[i] < yMin) yMin = p[i];
      if (p[i] > yMax) yMax = p[i];
    }
  }
  if (edges === 0) return;
  const first = Math.max(0, Math.ceil(yMin));
  const last = Math.min(rows - 1, Math.floor(yMax));
  const crossings = new Float64Array(edges);
  for (let y = first; y <= last; y++) {
    let n = 0;
    for (const p of polygons) {
      const count = p.length >> 1;
      let ax = p[2 * count - 2];
      let ay = p[2 * count - 1];
      for (let e = 0; e < count; e++) {
        const bx = p[2 * e];
        const by = p[2 * e + 1];
        // Half-open in y: an edge counts for rows in [min(ay, by), max(ay, by)).
        if (ay > y !== by > y) crossings[n++] = ax + ((y - ay) * (bx - ax)) / (by - ay);
        ax = bx;
        ay = by;
      }
    }
    sortPrefix(crossings, n);
    const row = offset + y * columns;
    for (let c = 0; c + 1 < n; c += 2) {
      const from = Math.max(0, Math.ceil(crossings[c]));
      const to = Math.min(columns, Math.ceil(crossings[c + 1])); // exclusive
      for (let x = from; x < to; x++) out[row + x] = 1;
    }
  }
}

/** Insertion sort of the first n values: a row crosses few edges. */
function sortPrefix(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

// The features GLRLM, GLSZM, GLDZM and NGLDM share: emphases, non-uniformities, variances and
// entropy of a matrix whose rows are grey levels and whose columns are a size j = 1, 2, ...
// (run length, zone size, zone distance or dependence count).
import { columnSize, type TextureMatrix } from './matrix';

/**
 * The features in the families' definition order: emphases, non-uniformities, percentage,
 * variances, entropy and energy. GLRLM, GLSZM and GLDZM report the first 16; NGLDM all 17.
 */
export function sizeZoneFeatures(m: TextureMatrix): Float64Array {
  const { data, rows, cols } = m;
  const perGrey = new Float64Array(rows);
  const perSize = new Float64Array(cols);
  let ns = 0;
  let se = 0;
  let le = 0;
  let lge = 0;
  let hge = 0;
  let slg = 0;
  let shg = 0;
  let llg = 0;
  let lhg = 0;
  // One pass over the (often very sparse: zone sizes run to the ROI's size) matrix; the later
  // sums visit only its non-zero cells, in the same order.
  const cells: number[] = [];
  for (let r = 0; r < rows; r++) {
    const i2 = (r + 1) * (r + 1);
    for (let c = 0; c < cols; c++) {
      const v = data[r * cols + c];
      if (v === 0) continue;
      cells.push(r * cols + c);
      const j = columnSize(m, c);
      const j2 = j * j;
      ns += v;
      perGrey[r] += v;
      perSize[c] += v;
      se += v / j2;
      le += v * j2;
      lge += v / i2;
      hge += v * i2;
      slg += v / (i2 * j2);
      shg += (v * i2) / j2;
      llg += (v * j2) / i2;
      lhg += v * i2 * j2;
    }
  }
  let gnu = 0;
  let snu = 0;
  for (let r = 0; r < rows; r++) gnu += perGrey[r] * perGrey[r];
  for (let c = 0; c < cols; c++) snu += perSize[c] * perSize[c];
  let muI = 0;
  let muJ = 0;
  let entropy = 0;
  let energy = 0;
  for (const k of cells) {
    const r = Math.floor(k / cols);
    const c = k - r * cols;
    const p = data[k] / ns;
    muI += (r + 1) * p;
    muJ += columnSize(m, c) * p;
    entropy -= p * Math.log2(p);
    energy += p * p;
  }
  let varI = 0;
  let varJ = 0;
  for (const k of cells) {
    const r = Math.floor(k / cols);
    const c = k - r * cols;
    const p = data[k] / ns;
    varI += (r + 1 - muI) * (r + 1 - muI) * p;
    const j = columnSize(m, c);
    varJ += (j - muJ) * (j - muJ) * p;
  }
  return Float64Array.from([
    se / ns,
    le / ns,
    lge / ns,
    hge / ns,
    slg / ns,
    shg / ns,
    llg / ns,
    lhg / ns,
    gnu / ns,
    gnu / (ns * ns),
    snu / ns,
    snu / (ns * ns),
    ns / m.voxels,
    varI,
    varJ,
    entropy,
    energy,
  ]);
}

/** The first `count` sizeZoneFeatures: a family passes the length of its definition list. */
export function sizeZoneFamilyFeatures(m: TextureMatrix, count: number): Float64Array {
  return sizeZoneFeatures(m).slice(0, count);
}

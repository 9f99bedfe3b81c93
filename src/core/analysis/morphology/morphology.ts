// IBSI morphological features (family HCUG): mesh-based volume and surface, voxel-based PCA
// axes, densities and spatial autocorrelation. Mesh and shape use the morphological mask;
// intensity-weighted features use the intensity mask.
import { defineFamily } from '../featureDef';
import type { RoiVolume } from '../volume';
import { autocorrelation } from './autocorrelation';
import { latticeConvexHull } from './convexHull';
import { symmetricEigenvalues3 } from './eigen3';
import { roiMesh } from './mesh';

/** Said with Moran's I and Geary's C in every record: which of IBSI's two ways they are computed. */
export const autocorrelationNote =
  'exact: every voxel pair, inverse-distance weights (not the IBSI approximation); null above 40,000 voxels only where the ROI box exceeds the FFT grid';

export const morphologyDefs = defineFamily('morphology', [
  ['Volume (mesh)', 'RNU0', 'mm^3'],
  ['Volume (voxel counting)', 'YEKZ', 'mm^3'],
  ['Surface area (mesh)', 'C0JK', 'mm^2'],
  ['Surface to volume ratio', '2PR5', 'mm^-1'],
  ['Compactness 1', 'SKGS', ''],
  ['Compactness 2', 'BQWJ', ''],
  ['Spherical disproportion', 'KRCK', ''],
  ['Sphericity', 'QCFX', ''],
  ['Asphericity', '25C7', ''],
  ['Centre of mass shift', 'KLMA', 'mm'],
  ['Maximum 3D diameter', 'L0JK', 'mm'],
  ['Major axis length', 'TDIC', 'mm'],
  ['Minor axis length', 'P9VJ', 'mm'],
  ['Least axis length', '7J51', 'mm'],
  ['Elongation', 'Q3CK', ''],
  ['Flatness', 'N17B', ''],
  ['Volume density (axis-aligned bounding box)', 'PBX1', ''],
  ['Area density (axis-aligned bounding box)', 'R59B', ''],
  ['Volume density (approximate enclosing ellipsoid)', '6BDE', ''],
  ['Area density (approximate enclosing ellipsoid)', 'RDD2', ''],
  ['Volume density (convex hull)', 'R3ER', ''],
  ['Area density (convex hull)', '7T7F', ''],
  ['Integrated intensity', '99N0', 'I mm^3'],
  ['Moran’s I index', 'N365', ''],
  ['Geary’s C measure', 'NPT7', ''],
]).map((d) =>
  d.ibsiCode === 'N365' || d.ibsiCode === 'NPT7' ? { ...d, note: autocorrelationNote } : d,
);

/** The convex hull (and the maximum diameter over its vertices) is built up to this many mesh
 * vertices (a bound on memory: the exact lattice quickhull only sees each row's end points, and
 * takes ~0.1 s for a whole 256x256 slice); beyond, those features are NaN. */
export const maxVerticesForHull = 2_000_000;

/** Voxel centre coordinates in mm of the voxels in mask, xyz interleaved. */
function voxelCentres(roi: RoiVolume, mask: Uint8Array): Float64Array {
  const [nx, ny, nz] = roi.dims;
  const [sx, sy, sz] = roi.spacingMm;
  let count = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) count++;
  const out = new Float64Array(3 * count);
  let k = 0;
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) {
        if (!mask[i]) continue;
        out[k++] = x * sx;
        out[k++] = y * sy;
        out[k++] = z * sz;
      }
  return out;
}

/** Largest distance between two of the given vertices (the farthest pair are hull vertices). */
function maxDiameter(v: Float64Array, ids: readonly number[]): number {
  let best = 0;
  for (let a = 0; a < ids.length; a++) {
    const i = ids[a];
    const x = v[3 * i];
    const y = v[3 * i + 1];
    const z = v[3 * i + 2];
    for (let b = a + 1; b < ids.length; b++) {
      const j = ids[b];
      const dx = v[3 * j] - x;
      const dy = v[3 * j + 1] - y;
      const dz = v[3 * j + 2] - z;
      const d = dx * dx + dy * dy + dz * dz;
      if (d > best) best = d;
    }
  }
  return Math.sqrt(best);
}

/** Surface area of an ellipsoid with semi-axes a >= b >= c (IBSI's Legendre series, 20 terms). */
function ellipsoidArea(a: number, b: number, c: number): number {
  const alpha = Math.sqrt(Math.max(0, 1 - (b * b) / (a * a)));
  const beta = Math.sqrt(Math.max(0, 1 - (c * c) / (a * a)));
  const ab = alpha * beta;
  if (ab === 0) return 4 * Math.PI * a * b; // a sphere-like limit: the series is 1 + 0
  const x = (alpha * alpha + beta * beta) / (2 * ab);
  let pPrev = 1; // P0
  let p = x; // P1
  let sum = 1; // nu = 0 term: (ab)^0 / (1 - 0) * P0
  let pow = 1;
  for (let nu = 1; nu <= 20; nu++) {
    pow *= ab;
    const pn = nu === 1 ? p : ((2 * nu - 1) * x * p - (nu - 1) * pPrev) / nu;
    if (nu > 1) {
      pPrev = p;
      p = pn;
    }
    sum += (pow / (1 - 4 * nu * nu)) * pn;
  }
  return 4 * Math.PI * a * b * sum;
}

export function morphology(roi: RoiVolume, intensityMask: Uint8Array): Float64Array {
  const [sx, sy, sz] = roi.spacingMm;
  const mesh = roiMesh(roi.mask, roi.dims, roi.spacingMm);
  const v = mesh.volumeMm3;
  const a = mesh.areaMm2;
  const shape = voxelCentres(roi, roi.mask);
  const nShape = shape.length / 3;
  // Principal axes from the (unbiased, N - 1) covariance of the mask's voxel centres.
  const mean = [0, 0, 0];
  for (let i = 0; i < nShape; i++) for (let k = 0; k < 3; k++) mean[k] += shape[3 * i + k] / nShape;
  const cov = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < nShape; i++) {
    const dx = shape[3 * i] - mean[0];
    const dy = shape[3 * i + 1] - mean[1];
    const dz = shape[3 * i + 2] - mean[2];
    cov[0] += dx * dx;
    cov[1] += dx * dy;
    cov[2] += dx * dz;
    cov[3] += dy * dy;
    cov[4] += dy * dz;
    cov[5] += dz * dz;
  }
  const [l1, l2, l3] = symmetricEigenvalues3(cov.map((c) => c / (nShape - 1))).map((l) =>
    Math.max(0, l),
  );
  // Intensity-weighted centre of mass over the intensity mask.
  const grey = voxelCentres(roi, intensityMask);
  const greyValues = new Float64Array(grey.length / 3);
  let k = 0;
  for (let i = 0; i < intensityMask.length; i++)
    if (intensityMask[i]) greyValues[k++] = roi.values[i];
  const com = [0, 0, 0];
  let total = 0;
  for (let i = 0; i < greyValues.length; i++) {
    total += greyValues[i];
    for (let q = 0; q < 3; q++) com[q] += greyValues[i] * grey[3 * i + q];
  }
  const comShift = Math.hypot(...com.map((c, q) => c / total - mean[q]));
  // Axis-aligned bounding box of the mesh.
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < mesh.vertices.length; i += 3) {
    for (let q = 0; q < 3; q++) {
      lo[q] = Math.min(lo[q], mesh.vertices[i + q]);
      hi[q] = Math.max(hi[q], mesh.vertices[i + q]);
    }
  }
  const [ex, ey, ez] = hi.map((h, q) => h - lo[q]);
  const semi = [2 * Math.sqrt(l1), 2 * Math.sqrt(l2), 2 * Math.sqrt(l3)];
  const sphere = Math.cbrt(36 * Math.PI * v * v);
  // Exact over every voxel pair; NaN only for an ROI over 40,000 voxels whose box is too large
  // for the FFT grid (autocorrelation.ts).
  const [moran, geary] = autocorrelation(greyValues, intensityMask, roi.dims, roi.spacingMm);
  // The mesh's vertices lie on the half-voxel lattice; its hull is found there exactly.
  const hull =
    mesh.vertices.length / 3 <= maxVerticesForHull
      ? latticeConvexHull(mesh.lattice, [sx / 2, sy / 2, sz / 2])
      : null;
  return Float64Array.from([
    v,
    nShape * sx * sy * sz,
    a,
    a / v,
    v / (Math.sqrt(Math.PI) * Math.pow(a, 1.5)),
    (36 * Math.PI * v * v) / (a * a * a),
    a / sphere,
    sphere / a,
    a / sphere - 1,
    comShift,
    hull ? maxDiameter(mesh.vertices, hull.vertices) : NaN,
    4 * Math.sqrt(l1),
    4 * Math.sqrt(l2),
    4 * Math.sqrt(l3),
    l1 > 0 ? Math.sqrt(l2 / l1) : 0,
    l1 > 0 ? Math.sqrt(l3 / l1) : 0,
    v / (ex * ey * ez),
    a / (2 * (ex * ey + ex * ez + ey * ez)),
    v / ((4 * Math.PI * semi[0] * semi[1] * semi[2]) / 3),
    a / ellipsoidArea(semi[0], semi[1], semi[2]),
    hull ? v / hull.volume : NaN,
    hull ? a / hull.area : NaN,
    v * (total / greyValues.length),
    moran,
    geary,
  ]);
}

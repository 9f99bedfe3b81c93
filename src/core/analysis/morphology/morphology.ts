// IBSI morphological features (family HCUG): mesh-based volume and surface, voxel-based PCA
// axes, densities and spatial autocorrelation. Mesh and shape use the morphological mask;
// intensity-weighted features use the intensity mask.
import { defineFamily } from '../featureDef';
import { maskBounds, type VoxelBox } from '../roi/cropToMask';
import { maskOf, type Dims, type RoiVolume } from '../volume';
import { autocorrelation, maxVoxelsForPairs, planAutocorrelation } from './autocorrelation';
import { maxFftGridPoints } from './autocorrelationFft';
import { latticeConvexHull } from './convexHull';
import { symmetricEigenvalues3 } from './eigen3';
import { fftSizeAtLeast } from './fft3d';
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

/**
 * Sums over the mask's voxels of their integer coordinates, their squares and products (index
 * order: x, y, z, xx, yy, zz, xy, xz, yz), and the voxel count, gathered row by row: every sum
 * is an exact integer in a double (a 2^16-per-side volume stays far below 2^53), so no
 * coordinate array is made (24 bytes a voxel) and the covariance below is formed exactly.
 */
export function coordinateMoments(
  mask: Uint8Array | undefined,
  dims: Dims,
  box: VoxelBox,
): number[] {
  const [nx, ny] = dims;
  const s = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let z = box.z0; z < box.z1; z++)
    for (let y = box.y0; y < box.y1; y++) {
      const row = nx * (y + ny * z);
      let c = 0;
      let sx = 0;
      let sxx = 0;
      if (!mask) {
        // Every voxel of the row: the same integers, summed in closed form.
        c = box.x1 - box.x0;
        sx = sumTo(box.x1) - sumTo(box.x0);
        sxx = sumSquaresTo(box.x1) - sumSquaresTo(box.x0);
      } else {
        for (let x = box.x0; x < box.x1; x++) {
          if (mask[row + x] === 0) continue;
          c++;
          sx += x;
          sxx += x * x;
        }
      }
      if (c === 0) continue;
      s[0] += sx;
      s[1] += c * y;
      s[2] += c * z;
      s[3] += sxx;
      s[4] += c * y * y;
      s[5] += c * z * z;
      s[6] += sx * y;
      s[7] += sx * z;
      s[8] += c * y * z;
      s[9] += c;
    }
  return s;
}

/** 0 + 1 + ... + (n - 1) and the sum of their squares: exact integers for any image side. */
const sumTo = (n: number): number => (n * (n - 1)) / 2;
const sumSquaresTo = (n: number): number => ((n - 1) * n * (2 * n - 1)) / 6;

/** (n s_ab - s_a s_b) / (n (n - 1)) times the spacings: the unbiased covariance in mm^2, its
 * numerator an exact integer (BigInt) so that only the final division rounds. */
function covariance(n: number, sa: number, sb: number, sab: number, step: number): number {
  const num = BigInt(n) * BigInt(sab) - BigInt(sa) * BigInt(sb);
  return (Number(num) / (n * (n - 1))) * step;
}

/** Largest distance between two of the given lattice points, in mm (the farthest pair are hull
 * vertices); a point's mm coordinate is lattice / 2 x spacing, as the mesh's vertices are. */
function maxDiameter(
  lattice: Int32Array,
  ids: readonly number[],
  spacing: readonly number[],
): number {
  const [sx, sy, sz] = spacing;
  const mm = new Float64Array(3 * ids.length);
  ids.forEach((i, a) => {
    mm[3 * a] = (lattice[3 * i] / 2) * sx;
    mm[3 * a + 1] = (lattice[3 * i + 1] / 2) * sy;
    mm[3 * a + 2] = (lattice[3 * i + 2] / 2) * sz;
  });
  let best = 0;
  for (let a = 0; a < ids.length; a++) {
    const x = mm[3 * a];
    const y = mm[3 * a + 1];
    const z = mm[3 * a + 2];
    for (let b = a + 1; b < ids.length; b++) {
      const dx = mm[3 * b] - x;
      const dy = mm[3 * b + 1] - y;
      const dz = mm[3 * b + 2] - z;
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

/**
 * The intensity mask's voxel count, value sum and value-weighted coordinate sums in mm, summed
 * voxel by voxel in raster order (the same operations as over a list of voxel centres), and
 * its values as doubles in raster order when keep is set (Moran's I / Geary's C need them).
 */
function intensityMoments(
  roi: RoiVolume,
  mask: Uint8Array | undefined,
  box: VoxelBox,
  n: number,
  keep: boolean,
): { total: number; com: number[]; values: Float64Array | null } {
  const [nx, ny] = roi.dims;
  const [sx, sy, sz] = roi.spacingMm;
  const v = roi.values;
  if (!mask && !keep) return wholeIntensityMoments(roi, box);
  const values = keep ? new Float64Array(n) : null;
  let total = 0;
  let cx = 0;
  let cy = 0;
  let cz = 0;
  let k = 0;
  for (let z = box.z0; z < box.z1; z++) {
    const mz = z * sz;
    for (let y = box.y0; y < box.y1; y++) {
      const my = y * sy;
      for (let x = box.x0, i = x + nx * (y + ny * z); x < box.x1; x++, i++) {
        if (mask && mask[i] === 0) continue;
        const g = v[i];
        if (values) values[k++] = g;
        total += g;
        cx += g * (x * sx);
        cy += g * my;
        cz += g * mz;
      }
    }
  }
  return { total, com: [cx, cy, cz], values };
}

/** intensityMoments over every voxel of box, values not kept (a whole image): the same sums
 * in the same order, in a loop with no mask or copy to test at each voxel. */
function wholeIntensityMoments(
  roi: RoiVolume,
  box: VoxelBox,
): { total: number; com: number[]; values: null } {
  const [nx, ny] = roi.dims;
  const [sx, sy, sz] = roi.spacingMm;
  const v = roi.values;
  let total = 0;
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let z = box.z0; z < box.z1; z++) {
    const mz = z * sz;
    for (let y = box.y0; y < box.y1; y++) {
      const my = y * sy;
      for (let x = box.x0, i = x + nx * (y + ny * z); x < box.x1; x++, i++) {
        const g = v[i];
        total += g;
        cx += g * (x * sx);
        cy += g * my;
        cz += g * mz;
      }
    }
  }
  return { total, com: [cx, cy, cz], values: null };
}

/** Voxels of mask inside box (all of them: box holds the mask). */
function countOf(mask: Uint8Array, dims: Dims, box: VoxelBox): number {
  const [nx, ny] = dims;
  let n = 0;
  for (let z = box.z0; z < box.z1; z++)
    for (let y = box.y0; y < box.y1; y++)
      for (let i = box.x0 + nx * (y + ny * z), end = i + box.x1 - box.x0; i < end; i++)
        n += mask[i] !== 0 ? 1 : 0;
  return n;
}

/** No intensity mask: every voxel (a ROI without a mask, nothing re-segmented). */
export function morphology(roi: RoiVolume, intensityMask?: Uint8Array): Float64Array {
  const [sx, sy, sz] = roi.spacingMm;
  const mesh = roiMesh(roi.mask, roi.dims, roi.spacingMm);
  // No mask: every voxel, scanned without making one (a byte a voxel on a whole image).
  const roiMask = roi.mask;
  const [nx, ny, nz] = roi.dims;
  const whole = nx * ny * nz > 0 ? { x0: 0, x1: nx, y0: 0, y1: ny, z0: 0, z1: nz } : null;
  const v = mesh.volumeMm3;
  const a = mesh.areaMm2;
  // Principal axes from the (unbiased, N - 1) covariance of the mask's voxel centres.
  // Every scan below stays in the box around the mask (a tumour in a whole series).
  const box = (roiMask ? maskBounds(roiMask, roi.dims) : whole) ?? {
    x0: 0,
    x1: 0,
    y0: 0,
    y1: 0,
    z0: 0,
    z1: 0,
  };
  const s = coordinateMoments(roiMask, roi.dims, box);
  const nShape = s[9];
  const step = [sx, sy, sz];
  const mean = [0, 1, 2].map((q) => (s[q] / nShape) * step[q]);
  const cov = [
    covariance(nShape, s[0], s[0], s[3], sx * sx),
    covariance(nShape, s[0], s[1], s[6], sx * sy),
    covariance(nShape, s[0], s[2], s[7], sx * sz),
    covariance(nShape, s[1], s[1], s[4], sy * sy),
    covariance(nShape, s[1], s[2], s[8], sy * sz),
    covariance(nShape, s[2], s[2], s[5], sz * sz),
  ];
  const [l1, l2, l3] = symmetricEigenvalues3(cov).map((l) => Math.max(0, l));
  // Intensity-weighted centre of mass over the intensity mask; the values themselves are kept
  // only where Moran's I / Geary's C will be summed (not for an ROI too large for them).
  // The intensity mask lies within the morphological mask, so within its box.
  let greyMask = intensityMask ?? roiMask;
  const nGrey = greyMask ? countOf(greyMask, roi.dims, box) : nx * ny * nz;
  // The pair sums read a mask: a whole image's is made only where they will run (an image too
  // large for pairs and for the FFT grid has NaN for them either way).
  const fftFits =
    fftSizeAtLeast(2 * nx - 1) * fftSizeAtLeast(2 * ny - 1) * fftSizeAtLeast(2 * nz - 1) <=
    maxFftGridPoints;
  if (!greyMask && (nGrey <= maxVoxelsForPairs || fftFits)) greyMask = maskOf(roi);
  const plan = greyMask ? planAutocorrelation(greyMask, roi.dims, nGrey) : 'too-large';
  const grey = intensityMoments(roi, greyMask, box, nGrey, plan !== 'too-large');
  const com = grey.com;
  const total = grey.total;
  const comShift = Math.hypot(...com.map((c, q) => c / total - mean[q]));
  // Axis-aligned bounding box of the mesh, from its lattice (lattice / 2 x spacing in mm).
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  const lat = mesh.lattice;
  for (let i = 0; i < lat.length; i += 3) {
    for (let q = 0; q < 3; q++) {
      const c = lat[i + q];
      if (c < lo[q]) lo[q] = c;
      if (c > hi[q]) hi[q] = c;
    }
  }
  for (let q = 0; q < 3; q++) {
    lo[q] = (lo[q] / 2) * step[q];
    hi[q] = (hi[q] / 2) * step[q];
  }
  const [ex, ey, ez] = hi.map((h, q) => h - lo[q]);
  const semi = [2 * Math.sqrt(l1), 2 * Math.sqrt(l2), 2 * Math.sqrt(l3)];
  const sphere = Math.cbrt(36 * Math.PI * v * v);
  // Exact over every voxel pair; NaN only for an ROI over 40,000 voxels whose box is too large
  // for the FFT grid (autocorrelation.ts).
  const [moran, geary] =
    grey.values && greyMask
      ? autocorrelation(grey.values, greyMask, roi.dims, roi.spacingMm, plan)
      : [NaN, NaN];
  // The mesh's vertices lie on the half-voxel lattice; its hull is found there exactly.
  const hull =
    lat.length / 3 <= maxVerticesForHull
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
    hull ? maxDiameter(lat, hull.vertices, step) : NaN,
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
    v * (total / nGrey),
    moran,
    geary,
  ]);
}

// Moran's I and Geary's C pair sums over every voxel pair, exactly as the definition has them,
// but summed through the convolution theorem instead of pair by pair: the weight 1/distance
// depends only on the offset d between two voxels, so each sum over pairs is a sum over offsets
// of w(d) times a correlation of two images at d (A_fg(d) = sum_x f(x) g(x + d)), and by
// Parseval sum_d w(d) A_fg(d) = (1/N) sum_k W(k) conj(F(k)) G(k) on a zero-padded grid of
// N points (at least 2n - 1 per side, so no offset wraps). With m the ROI indicator, e the
// deviations from the mean and q = e^2 (all zero outside the ROI), over ordered pairs i != j:
//   sum w = <w, A_mm>,  sum w e_i e_j = <w, A_ee>,  sum w (e_i - e_j)^2 = 2 (<w, A_qm> - <w, A_ee>).
// Two complex FFTs of real pairs (w + i e, then m + i q) give all four spectra. The cost is
// O(N log N) in the ROI's bounding box instead of O(n^2) in its voxels.
import { maskBounds } from '../roi/cropToMask';
import { fft3d, fftSizeAtLeast } from './fft3d';

/** The largest FFT grid used (three float64 arrays of it: about 140 MiB); larger boxes sum by
 * pairs up to maxVoxelsForPairs (autocorrelation.ts) and are NaN beyond. */
export const maxFftGridPoints = 6_000_000;

/** The mask's bounding box [x0, y0, z0] and extents [bx, by, bz], or null when empty. */
function box(
  mask: Uint8Array,
  dims: readonly [number, number, number],
): { lo: [number, number, number]; size: [number, number, number] } | null {
  const b = maskBounds(mask, dims);
  if (!b) return null;
  return { lo: [b.x0, b.y0, b.z0], size: [b.x1 - b.x0, b.y1 - b.y0, b.z1 - b.z0] };
}

/** The FFT grid for a mask (2^a 3^b >= 2 extent - 1 per side), or null when empty. */
export function fftGridFor(
  mask: Uint8Array,
  dims: readonly [number, number, number],
): [number, number, number] | null {
  const b = box(mask, dims);
  if (!b) return null;
  return [
    fftSizeAtLeast(2 * b.size[0] - 1),
    fftSizeAtLeast(2 * b.size[1] - 1),
    fftSizeAtLeast(2 * b.size[2] - 1),
  ];
}

/**
 * Sums over unordered voxel pairs of w, w e_i e_j and w (v_i - v_j)^2 (as pairSumsJs in
 * autocorrelation.ts), values in the mask's raster order, or null when the grid is too large.
 */
export function pairSumsFft(
  values: Float64Array,
  mean: number,
  mask: Uint8Array,
  dims: readonly [number, number, number],
  spacingMm: readonly [number, number, number],
): [wSum: number, moran: number, geary: number] | null {
  const b = box(mask, dims);
  if (!b) return null;
  const [lx, ly, lz] = [
    fftSizeAtLeast(2 * b.size[0] - 1),
    fftSizeAtLeast(2 * b.size[1] - 1),
    fftSizeAtLeast(2 * b.size[2] - 1),
  ];
  const n = lx * ly * lz;
  if (n > maxFftGridPoints) return null;
  const [sx, sy, sz] = spacingMm;
  const [bx, by, bz] = b.size;
  const lxy = lx * ly;
  // First pair: re = w on the wrapped offset grid, im = deviations.
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let gz = 0; gz < lz; gz++) {
    const dz = gz < bz ? gz : gz > lz - bz ? gz - lz : NaN;
    if (Number.isNaN(dz)) continue;
    for (let gy = 0; gy < ly; gy++) {
      const dy = gy < by ? gy : gy > ly - by ? gy - ly : NaN;
      if (Number.isNaN(dy)) continue;
      const dyz = (dy * sy) ** 2 + (dz * sz) ** 2;
      const row = gy * lx + gz * lxy;
      for (let gx = 0; gx < lx; gx++) {
        const dx = gx < bx ? gx : gx > lx - bx ? gx - lx : NaN;
        if (Number.isNaN(dx)) continue;
        const d2 = (dx * sx) ** 2 + dyz;
        re[row + gx] = d2 > 0 ? 1 / Math.sqrt(d2) : 0;
      }
    }
  }
  const [nx, ny] = dims;
  const [x0, y0, z0] = b.lo;
  // ROI voxels in raster order (the box's raster order is the volume's), placed at their offset in the box.
  const place = (fill: (at: number, k: number) => void): void => {
    let k = 0;
    for (let z = z0; z < z0 + bz; z++)
      for (let y = y0; y < y0 + by; y++) {
        const from = x0 + nx * (y + ny * z);
        const to = (y - y0) * lx + (z - z0) * lxy;
        for (let x = 0; x < bx; x++) if (mask[from + x]) fill(to + x, k++);
      }
  };
  place((at, k) => {
    im[at] = values[k] - mean;
  });
  fft3d(re, im, [lx, ly, lz]);
  // Spectra of w (real, even) and e from Z = W + iE: W(k) = (Z(k) + conj Z(-k)) / 2,
  // E(k) = (Z(k) - conj Z(-k)) / 2i. Sum W |E|^2, and keep W in re (both k and -k at once).
  let sEE = 0;
  for (let kz = 0; kz < lz; kz++) {
    const mz = ((lz - kz) % lz) * lxy;
    let plane = 0;
    for (let ky = 0; ky < ly; ky++) {
      const my = mz + ((ly - ky) % ly) * lx;
      const row = kz * lxy + ky * lx;
      for (let kx = 0; kx < lx; kx++) {
        const k = row + kx;
        const mk = my + ((lx - kx) % lx);
        if (mk < k) continue;
        const zr = re[k];
        const zi = im[k];
        const wr = re[mk];
        const wi = im[mk];
        const w = (zr + wr) / 2;
        const e2 = ((zi + wi) ** 2 + (zr - wr) ** 2) / 4;
        plane += mk === k ? w * e2 : 2 * w * e2;
        re[k] = w;
        re[mk] = w;
      }
    }
    sEE += plane;
  }
  // Second pair: m + i q, in im and a new array (re keeps W).
  const mRe = im.fill(0);
  const qIm = new Float64Array(n);
  place((at, k) => {
    mRe[at] = 1;
    qIm[at] = (values[k] - mean) ** 2;
  });
  fft3d(mRe, qIm, [lx, ly, lz], [bx, by, bz]);
  let sMM = 0;
  let sQM = 0;
  for (let kz = 0; kz < lz; kz++) {
    const mz = ((lz - kz) % lz) * lxy;
    let pMM = 0;
    let pQM = 0;
    for (let ky = 0; ky < ly; ky++) {
      const my = mz + ((ly - ky) % ly) * lx;
      const row = kz * lxy + ky * lx;
      for (let kx = 0; kx < lx; kx++) {
        const k = row + kx;
        const mk = my + ((lx - kx) % lx);
        const zr = mRe[k];
        const zi = qIm[k];
        const cr = mRe[mk];
        const ci = qIm[mk];
        // M = ((zr + cr) + i (zi - ci)) / 2, Q = ((zi + ci) - i (zr - cr)) / 2.
        const mr = (zr + cr) / 2;
        const mi = (zi - ci) / 2;
        const qr = (zi + ci) / 2;
        const qi = -(zr - cr) / 2;
        const w = re[k];
        pMM += w * (mr * mr + mi * mi);
        pQM += w * (qr * mr + qi * mi);
      }
    }
    sMM += pMM;
    sQM += pQM;
  }
  // Ordered-pair sums are these over n; unordered ones half that.
  return [sMM / (2 * n), sEE / (2 * n), (sQM - sEE) / n];
}

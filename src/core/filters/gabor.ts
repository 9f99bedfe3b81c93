// Gabor, IBSI 2: g(x, y) = exp(−(x̃² + γ²ỹ²) / 2σ²) · exp(i 2π x̃ / λ), x̃ = x cos θ + y sin θ,
// ỹ = −x sin θ + y cos θ, σ and λ in mm; a 2D filter applied plane by plane, in the axial
// planes or averaged over the three orthogonal ones; with rotation invariance the responses for
// θ = 0, Δθ, 2Δθ … are pooled. Each plane is padded (by the boundary rule) to a power of two,
// transformed once, and multiplied by each orientation's kernel spectrum.
import type { ImageVolume } from '../analysis/volume.ts';
import { sourceIndex } from './boundary.ts';
import { fft1d, fftNd, nextPow2 } from './fft.ts';
import type { GaborSpec } from './types.ts';

type Axes = readonly [number, number, number]; // in-plane a, in-plane b, the plane's normal

export function gaborThetasDeg(spec: GaborSpec): number[] {
  if (!spec.rotationInvariant) return [spec.thetaDeg];
  const out: number[] = [];
  for (let t = 0; t < 360 - 1e-9; t += spec.thetaStepDeg) out.push(spec.thetaDeg + t);
  return out;
}

/**
 * The orientations to compute and how many of the requested ones each stands for: θ and θ+180°
 * give the same modulus and real part (the kernel is conjugated, the image is real), so a full
 * turn of steps costs half as many transforms.
 */
function orientations(spec: GaborSpec): { theta: number; weight: number }[] {
  const all = gaborThetasDeg(spec);
  if (spec.response === 'imaginary') return all.map((theta) => ({ theta, weight: 1 }));
  const byHalfTurn = new Map<number, { theta: number; weight: number }>();
  for (const theta of all) {
    const key = Math.round((((theta % 180) + 180) % 180) * 1e6) % (180 * 1e6);
    const o = byHalfTurn.get(key);
    if (o) o.weight++;
    else byHalfTurn.set(key, { theta, weight: 1 });
  }
  return [...byHalfTurn.values()];
}

function kernelSpectrum(
  spec: GaborSpec,
  thetaDeg: number,
  na: number,
  nb: number,
  ra: number,
  rb: number,
  sa: number,
  sb: number,
): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(na * nb);
  const im = new Float64Array(na * nb);
  const th = (thetaDeg * Math.PI) / 180;
  const c = Math.cos(th);
  const s = Math.sin(th);
  const g2 = spec.gamma * spec.gamma;
  const den = 2 * spec.sigmaMm * spec.sigmaMm;
  const w = (2 * Math.PI) / spec.lambdaMm;
  for (let j = -rb; j <= rb; j++)
    for (let i = -ra; i <= ra; i++) {
      const x = i * sa;
      const y = j * sb;
      const xt = x * c + y * s;
      const yt = -x * s + y * c;
      const env = Math.exp(-(xt * xt + g2 * yt * yt) / den);
      const at = ((i + na) % na) + na * ((j + nb) % nb);
      re[at] = env * Math.cos(w * xt);
      im[at] = env * Math.sin(w * xt);
    }
  fftNd(re, im, [na, nb]);
  return { re, im };
}

/** The pooled response over the orientations in every plane spanned by axes a and b. */
function planesResponse(
  img: ImageVolume,
  spec: GaborSpec,
  axes: Axes,
  out: Float32Array,
  weight: number,
): void {
  const [a, b, c] = axes;
  const dims = img.dims;
  const stride = [1, dims[0], dims[0] * dims[1]];
  const [n, m, planes] = [dims[a], dims[b], dims[c]];
  const [sa, sb] = [img.spacingMm[a], img.spacingMm[b]];
  const reach = spec.truncate * spec.sigmaMm * Math.max(1, 1 / spec.gamma);
  const ra = Math.ceil(reach / sa);
  const rb = Math.ceil(reach / sb);
  const na = nextPow2(n + 2 * ra);
  const nb = nextPow2(m + 2 * rb);
  const turns = orientations(spec);
  const requested = turns.reduce((n, o) => n + o.weight, 0);
  const kernels = turns.map((o) => ({
    ...kernelSpectrum(spec, o.theta, na, nb, ra, rb, sa, sb),
    weight: o.weight,
  }));
  const mapA = Int32Array.from({ length: na }, (_, p) => sourceIndex(p - ra, n, spec.boundary));
  const mapB = Int32Array.from({ length: nb }, (_, p) => sourceIndex(p - rb, m, spec.boundary));
  const fre = new Float64Array(na * nb);
  const fim = new Float64Array(na * nb);
  const pre = new Float64Array(na * nb);
  const pim = new Float64Array(na * nb);
  const colR = new Float64Array(nb);
  const colI = new Float64Array(nb);
  const rowR = new Float64Array(na);
  const rowI = new Float64Array(na);
  const pooled = new Float64Array(n * m);
  for (let p = 0; p < planes; p++) {
    const base = p * stride[c];
    fim.fill(0);
    for (let j = 0; j < nb; j++)
      for (let i = 0; i < na; i++) {
        const si = mapA[i];
        const sj = mapB[j];
        fre[i + na * j] = si < 0 || sj < 0 ? 0 : img.values[base + si * stride[a] + sj * stride[b]];
      }
    fftNd(fre, fim, [na, nb]);
    pooled.fill(spec.pooling === 'max' ? -Infinity : spec.pooling === 'min' ? Infinity : 0);
    for (const k of kernels) {
      for (let q = 0; q < fre.length; q++) {
        pre[q] = fre[q] * k.re[q] - fim[q] * k.im[q];
        pim[q] = fre[q] * k.im[q] + fim[q] * k.re[q];
      }
      // Inverse along b for the columns, then along a only for the rows inside the image.
      for (let i = 0; i < na; i++) {
        for (let j = 0; j < nb; j++) {
          colR[j] = pre[i + na * j];
          colI[j] = pim[i + na * j];
        }
        fft1d(colR, colI, true);
        for (let j = rb; j < rb + m; j++) {
          pre[i + na * j] = colR[j];
          pim[i + na * j] = colI[j];
        }
      }
      for (let j = 0; j < m; j++) {
        const row = na * (j + rb);
        for (let i = 0; i < na; i++) {
          rowR[i] = pre[row + i];
          rowI[i] = pim[row + i];
        }
        fft1d(rowR, rowI, true);
        for (let i = 0; i < n; i++) {
          const re = rowR[i + ra];
          const im = rowI[i + ra];
          const v =
            spec.response === 'modulus' ? Math.hypot(re, im) : spec.response === 'real' ? re : im;
          const at = i + n * j;
          if (spec.pooling === 'max') pooled[at] = Math.max(pooled[at], v);
          else if (spec.pooling === 'min') pooled[at] = Math.min(pooled[at], v);
          else pooled[at] += v * k.weight;
        }
      }
    }
    const scale = (spec.pooling === 'average' ? 1 / requested : 1) * weight;
    for (let j = 0; j < m; j++)
      for (let i = 0; i < n; i++)
        out[base + i * stride[a] + j * stride[b]] += pooled[i + n * j] * scale;
  }
}

export function gaborResponse(img: ImageVolume, spec: GaborSpec): Float32Array {
  const out = new Float32Array(img.values.length);
  const sets: Axes[] =
    spec.planes === 'axial'
      ? [[0, 1, 2]]
      : [
          [0, 1, 2],
          [0, 2, 1],
          [1, 2, 0],
        ];
  for (const axes of sets) planesResponse(img, spec, axes, out, 1 / sets.length);
  return out;
}

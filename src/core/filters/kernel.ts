// Kernels as taps plus the index of the tap at offset zero, and the operations the filters
// build them with: reversal (a kernel rotated by 180°), dilation (à trous) and composition.

/** out[x] = Σ_t taps[t] · in[x + origin − t]: a convolution, origin being the centre tap. */
export interface Kernel1d {
  taps: Float64Array;
  origin: number;
}

export function kernel1d(taps: ArrayLike<number>, origin = (taps.length - 1) >> 1): Kernel1d {
  return { taps: Float64Array.from(taps), origin };
}

export const identityKernel: Kernel1d = kernel1d([1], 0);

export function isIdentity(k: Kernel1d): boolean {
  return k.taps.length === 1 && k.taps[0] === 1;
}

/** K(−x): the same kernel mirrored about its centre voxel. */
export function reversed(k: Kernel1d): Kernel1d {
  const n = k.taps.length;
  const taps = new Float64Array(n);
  for (let t = 0; t < n; t++) taps[t] = k.taps[n - 1 - t];
  return { taps, origin: n - 1 - k.origin };
}

/** The kernel with m − 1 zeros between its taps (the undecimated wavelet's upsampling). */
export function dilated(k: Kernel1d, m: number): Kernel1d {
  if (m === 1) return k;
  const taps = new Float64Array((k.taps.length - 1) * m + 1);
  for (let t = 0; t < k.taps.length; t++) taps[t * m] = k.taps[t];
  return { taps, origin: k.origin * m };
}

/** a * b: applying the result equals applying a then b. */
export function composed(a: Kernel1d, b: Kernel1d): Kernel1d {
  const taps = new Float64Array(a.taps.length + b.taps.length - 1);
  for (let i = 0; i < a.taps.length; i++)
    for (let j = 0; j < b.taps.length; j++) taps[i + j] += a.taps[i] * b.taps[j];
  return { taps, origin: a.origin + b.origin };
}

/** A dense 3D kernel, x fastest; origin is the voxel at offset zero. */
export interface Kernel3d {
  values: Float64Array;
  size: readonly [number, number, number];
  origin: readonly [number, number, number];
}

/** The outer product of three 1D kernels (x, y, z): the separable kernel written out. */
export function outerKernel(kx: Kernel1d, ky: Kernel1d, kz: Kernel1d): Kernel3d {
  const [a, b, c] = [kx.taps, ky.taps, kz.taps];
  const values = new Float64Array(a.length * b.length * c.length);
  let i = 0;
  for (let z = 0; z < c.length; z++)
    for (let y = 0; y < b.length; y++)
      for (let x = 0; x < a.length; x++) values[i++] = a[x] * b[y] * c[z];
  return {
    values,
    size: [a.length, b.length, c.length],
    origin: [kx.origin, ky.origin, kz.origin],
  };
}

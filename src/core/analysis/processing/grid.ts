// IBSI "align grid centres" (reference manual, section 2.4): the interpolation grid along each
// axis has ceil(n_a s_a / s_b) points spaced s_b, centred on the original grid.
import type { Dims, SpacingMm } from '../volume';

/** One axis of the new grid, in the original grid's voxel coordinates: point k is at
 * origin + k * step (step = new spacing / old spacing). */
export interface AxisGrid {
  n: number;
  origin: number;
  step: number;
}

/** Slice positions read from DICOM carry noise (2.99999999999985 mm for 3 mm): a size that
 * is an integer up to this relative error is taken as that integer, not rounded up. */
const sizeTolerance = 1e-9;

export function axisGrid(nA: number, spacingA: number, spacingB: number): AxisGrid {
  const exact = (nA * spacingA) / spacingB;
  const nearest = Math.round(exact);
  const n =
    Math.abs(exact - nearest) <= sizeTolerance * Math.max(1, exact) ? nearest : Math.ceil(exact);
  const step = spacingB / spacingA;
  return { n, origin: 0.5 * (nA - 1 - step * (n - 1)), step };
}

/** The axis left as it is. */
export function identityAxis(n: number): AxisGrid {
  return { n, origin: 0, step: 1 };
}

export function isIdentity(g: AxisGrid, nA: number): boolean {
  return g.n === nA && g.origin === 0 && g.step === 1;
}

export interface ResampleGrid {
  axes: readonly [AxisGrid, AxisGrid, AxisGrid];
  dims: Dims;
  spacingMm: SpacingMm;
}

/** The new grid for a target spacing [x, y] (slices kept) or [x, y, z]. An axis whose spacing
 * already is the target stays as it is. */
export function resampleGrid(
  dims: Dims,
  spacingMm: SpacingMm,
  targetMm: readonly number[],
): ResampleGrid {
  const target = [targetMm[0], targetMm[1], targetMm[2] ?? spacingMm[2]];
  const axes = [0, 1, 2].map((a) =>
    Math.abs(target[a] - spacingMm[a]) <= sizeTolerance * spacingMm[a]
      ? identityAxis(dims[a])
      : axisGrid(dims[a], spacingMm[a], target[a]),
  ) as unknown as ResampleGrid['axes'];
  const kept = axes.map((g, a) => (g.step === 1 ? spacingMm[a] : target[a]));
  return {
    axes,
    dims: [axes[0].n, axes[1].n, axes[2].n],
    spacingMm: [kept[0], kept[1], kept[2]],
  };
}

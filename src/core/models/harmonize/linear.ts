// The small least-squares solves ComBat needs: p × p normal equations (p = centers + covariate
// columns) against every feature at once. The heavy part, Xᵀ·Y over all cases and features, is a
// plain loop over feature-major rows; ml-matrix solves the p × p system.
import { Matrix, SingularValueDecomposition, solve } from 'ml-matrix';

/** Design matrix, case-major: design[j][c]. */
export type Design = readonly (readonly number[])[];

/** Whether the design's columns are linearly independent. */
export function fullRank(design: Design): boolean {
  // The SVD's rank has a round-off tolerance; a QR's exact-zero test misses near-singular designs.
  const svd = new SingularValueDecomposition(new Matrix(design.map((r) => [...r])), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  return svd.rank === (design[0]?.length ?? 0);
}

/**
 * Least-squares coefficients B (p × features) for Y ≈ X·B, where `y[g]` is feature g over the
 * cases (feature-major). Only the cases in `rows` (default: all) take part.
 */
export function leastSquares(
  design: Design,
  y: readonly Float64Array[],
  rows?: readonly number[],
): number[][] {
  const p = design[0]?.length ?? 0;
  const use = rows ?? design.map((_, j) => j);
  const xtx = Matrix.zeros(p, p);
  for (const j of use)
    for (let a = 0; a < p; a++)
      for (let b = 0; b < p; b++) xtx.set(a, b, xtx.get(a, b) + design[j][a] * design[j][b]);
  const xty = Matrix.zeros(p, y.length);
  for (let g = 0; g < y.length; g++) {
    const row = y[g];
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (const j of use) s += design[j][a] * row[j];
      xty.set(a, g, s);
    }
  }
  return solve(xtx, xty).to2DArray();
}

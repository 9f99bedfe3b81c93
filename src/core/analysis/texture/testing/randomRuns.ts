// Seeded random level volumes for the texture tests that check a fast labelling against a plain
// one: the same volume for the same seed, so a failure can be replayed.
import type { Dims, DiscreteVolume } from '../../volume';

/**
 * Levels 1..levelCount in runs of a few levels, long and short (a new level with probability
 * `change` at each voxel), and a fraction `hole` of voxels outside the ROI (level 0).
 */
export function randomRuns(
  dims: Dims,
  levelCount: number,
  seed: number,
  { change = 0.3, hole = 0.1 }: { change?: number; hole?: number } = {},
): DiscreteVolume {
  let s = seed;
  const rand = (): number => (s = (s * 1103515245 + 12345) >>> 0) / 4294967296;
  const out = new Uint16Array(dims[0] * dims[1] * dims[2]);
  let g = 1;
  for (let i = 0; i < out.length; i++) {
    if (rand() < change) g = 1 + Math.floor(rand() * levelCount);
    out[i] = rand() < hole ? 0 : g;
  }
  return { levels: out, dims, spacingMm: [1, 1, 1], levelCount };
}

// The right-angle rotations IBSI 2 pools over: the 24 proper rotations of the cube in 3D, the 4
// in-plane ones in 2D. Each is a signed permutation of the axes: the kernel that lay along axis
// a now lies along axis `axis[a]`, mirrored where `flip[a]`.
import type { Kernel1d, Kernel3d } from './kernel.ts';
import { reversed } from './kernel.ts';

export interface Rotation {
  axis: readonly [number, number, number];
  flip: readonly [boolean, boolean, boolean];
}

const perms3: readonly (readonly [number, number, number])[] = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

function parity(p: readonly number[]): number {
  let s = 1;
  for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) if (p[i] > p[j]) s = -s;
  return s;
}

function build(dims: 2 | 3): Rotation[] {
  const out: Rotation[] = [];
  for (const p of perms3) {
    if (dims === 2 && p[2] !== 2) continue;
    for (let m = 0; m < 8; m++) {
      const flip = [(m & 1) !== 0, (m & 2) !== 0, (m & 4) !== 0] as const;
      if (dims === 2 && flip[2]) continue;
      const sign = flip.reduce((s, f) => (f ? -s : s), 1);
      if (parity(p) * sign === 1) out.push({ axis: p, flip });
    }
  }
  return out;
}

export const rotations3d: readonly Rotation[] = build(3);
export const rotations2d: readonly Rotation[] = build(2);

export function rotationsFor(dims: 2 | 3): readonly Rotation[] {
  return dims === 3 ? rotations3d : rotations2d;
}

/** Separable kernels (x, y, z) after the rotation. */
export function rotateSeparable(
  k: readonly [Kernel1d, Kernel1d, Kernel1d],
  r: Rotation,
): [Kernel1d, Kernel1d, Kernel1d] {
  const out = [...k] as [Kernel1d, Kernel1d, Kernel1d];
  for (let a = 0; a < 3; a++) out[r.axis[a]] = r.flip[a] ? reversed(k[a]) : k[a];
  return out;
}

/** A dense kernel after the rotation (the reference the separable path is checked against). */
export function rotateDense(k: Kernel3d, r: Rotation): Kernel3d {
  const size = [0, 0, 0];
  const origin = [0, 0, 0];
  for (let a = 0; a < 3; a++) {
    size[r.axis[a]] = k.size[a];
    origin[r.axis[a]] = r.flip[a] ? k.size[a] - 1 - k.origin[a] : k.origin[a];
  }
  const values = new Float64Array(k.values.length);
  const src = [0, 0, 0];
  const dst = [0, 0, 0];
  for (src[2] = 0; src[2] < k.size[2]; src[2]++)
    for (src[1] = 0; src[1] < k.size[1]; src[1]++)
      for (src[0] = 0; src[0] < k.size[0]; src[0]++) {
        for (let a = 0; a < 3; a++) dst[r.axis[a]] = r.flip[a] ? k.size[a] - 1 - src[a] : src[a];
        values[dst[0] + size[0] * (dst[1] + size[1] * dst[2])] =
          k.values[src[0] + k.size[0] * (src[1] + k.size[1] * src[2])];
      }
  return {
    values,
    size: size as [number, number, number],
    origin: origin as [number, number, number],
  };
}

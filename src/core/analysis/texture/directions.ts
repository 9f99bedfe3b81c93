// Neighbour directions as IBSI counts them: 4 in-plane (2D) and 13 in 3D, one per opposite pair.

export type Direction = readonly [dx: number, dy: number, dz: number];

export const directions2d: readonly Direction[] = [
  [1, 0, 0],
  [1, 1, 0],
  [0, 1, 0],
  [-1, 1, 0],
];

export const directions3d: readonly Direction[] = [
  ...directions2d,
  [0, 0, 1],
  [1, 0, 1],
  [1, 1, 1],
  [0, 1, 1],
  [-1, 1, 1],
  [-1, 0, 1],
  [-1, -1, 1],
  [0, -1, 1],
  [1, -1, 1],
];

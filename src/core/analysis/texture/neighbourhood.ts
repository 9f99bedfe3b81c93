// Offsets of the Chebyshev-distance-1 neighbourhood: 8 in a slice, 26 in 3D (centre excluded).

export interface Neighbour {
  dx: number;
  dy: number;
  dz: number;
}

export function neighbourhood(threeD: boolean, distance = 1): Neighbour[] {
  const out: Neighbour[] = [];
  const r = distance;
  const rz = threeD ? r : 0;
  for (let dz = -rz; dz <= rz; dz++) {
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        if (dx !== 0 || dy !== 0 || dz !== 0) out.push({ dx, dy, dz });
      }
    }
  }
  return out;
}

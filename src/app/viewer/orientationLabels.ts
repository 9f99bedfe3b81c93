// The patient directions at the edges of an image, from Image Orientation (Patient), as the
// letters radiologists read at the viewport sides (R/L, A/P, H/F).

type Six = [number, number, number, number, number, number];

const letters: [pos: string, neg: string][] = [
  ['L', 'R'], // +x points to the patient's left (DICOM LPS)
  ['P', 'A'], // +y points posterior
  ['H', 'F'], // +z points to the head
];

/** Up to two letters, strongest axis first; a minor axis counts only when clearly oblique. */
export function directionLabel(v: readonly number[]): string {
  const axes = [0, 1, 2].sort((a, b) => Math.abs(v[b]) - Math.abs(v[a]));
  return axes
    .filter((a, i) => i === 0 || Math.abs(v[a]) > 0.25)
    .slice(0, 2)
    .map((a) => letters[a][v[a] >= 0 ? 0 : 1])
    .join('');
}

export interface EdgeLabels {
  left: string;
  right: string;
  top: string;
  bottom: string;
}

export function orientationLabels(iop: Six | null): EdgeLabels | null {
  if (!iop) return null;
  const row = iop.slice(0, 3);
  const col = iop.slice(3, 6);
  const neg = (v: number[]) => v.map((x) => -x);
  return {
    right: directionLabel(row),
    left: directionLabel(neg(row)),
    bottom: directionLabel(col),
    top: directionLabel(neg(col)),
  };
}

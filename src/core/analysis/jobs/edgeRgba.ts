// An edge mask (1 byte a pixel, as the worker sends it) as RGBA pixels: the colour where edges
// are, transparent elsewhere. Made when the overlay is drawn, so a new colour reruns no Canny.

/** colour as '#rrggbb'. */
export function edgeRgba(edges: Uint8Array, colour: string): Uint8ClampedArray<ArrayBuffer> {
  const r = parseInt(colour.slice(1, 3), 16) || 0;
  const g = parseInt(colour.slice(3, 5), 16) || 0;
  const b = parseInt(colour.slice(5, 7), 16) || 0;
  const out = new Uint8ClampedArray(edges.length * 4);
  for (let i = 0, o = 0; i < edges.length; i++, o += 4) {
    if (edges[i] === 0) continue;
    out[o] = r;
    out[o + 1] = g;
    out[o + 2] = b;
    out[o + 3] = 255;
  }
  return out;
}

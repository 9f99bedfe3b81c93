// An edge mask as RGBA pixels (the colour where edges are, transparent elsewhere), made in the
// worker so the page only has to put the image on a canvas.

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

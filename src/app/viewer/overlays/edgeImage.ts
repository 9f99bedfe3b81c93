// An edge mask as a small canvas of image size (coloured where edges are, clear elsewhere),
// drawn over the image with the viewer's transform.
export function edgeCanvas(
  edges: Uint8Array,
  width: number,
  height: number,
  colour: string,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const img = ctx.createImageData(width, height);
  const r = parseInt(colour.slice(1, 3), 16);
  const g = parseInt(colour.slice(3, 5), 16);
  const b = parseInt(colour.slice(5, 7), 16);
  const px = img.data;
  for (let i = 0; i < edges.length; i++) {
    if (edges[i] === 0) continue;
    const o = i * 4;
    px[o] = r;
    px[o + 1] = g;
    px[o + 2] = b;
    px[o + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

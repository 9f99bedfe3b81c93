import { paletteTable } from './lookupTables.ts';
import type { Samples } from './nativeSamples.ts';
import type { PixelLayout } from './types.ts';

/** PALETTE COLOR indices to interleaved RGB through the red, green and blue lookup tables. */
export function paletteToRgb(
  bytes: Uint8Array,
  layout: PixelLayout,
  indices: Samples,
): Float32Array {
  if (!layout.palette) throw new Error('the palette lookup tables are missing');
  const out = new Float32Array(indices.length * 3);
  for (let c = 0; c < 3; c++) {
    const lut = layout.palette[c];
    const firstMapped = lut.firstMapped;
    const table = paletteTable(bytes, lut, layout.littleEndian);
    const last = table.length - 1;
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i] - firstMapped;
      out[i * 3 + c] = table[index <= 0 ? 0 : index >= last ? last : index];
    }
  }
  return out;
}

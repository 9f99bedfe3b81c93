import type { DataSet, Element } from './dicomParserTypes.ts';
import type { Samples } from './nativeSamples.ts';

interface PaletteChannel {
  firstMapped: number;
  table: Uint16Array;
}

function channel(ds: DataSet, descriptorTag: string, dataTag: string): PaletteChannel | undefined {
  const data: Element | undefined = ds.elements[dataTag];
  if (!ds.elements[descriptorTag] || !data) return undefined;
  const entries = ds.uint16(descriptorTag, 0) || 65536;
  const firstMapped = ds.uint16(descriptorTag, 1) ?? 0;
  const bits = ds.uint16(descriptorTag, 2) ?? 16;
  const table = new Uint16Array(entries);
  // 8-bit tables may be stored one entry per byte; otherwise every entry is a 16-bit word.
  const byteEntries = bits === 8 && data.length === entries;
  for (let i = 0; i < entries; i++) {
    table[i] = byteEntries ? ds.byteArray[data.dataOffset + i] : (ds.uint16(dataTag, i) ?? 0);
  }
  return { firstMapped, table };
}

/** PALETTE COLOR indices to interleaved RGB through the red, green and blue lookup tables. */
export function paletteToRgb(ds: DataSet, indices: Samples): Float32Array {
  const red = channel(ds, 'x00281101', 'x00281201');
  const green = channel(ds, 'x00281102', 'x00281202');
  const blue = channel(ds, 'x00281103', 'x00281203');
  if (!red || !green || !blue) throw new Error('the palette lookup tables are missing');
  const out = new Float32Array(indices.length * 3);
  const channels = [red, green, blue];
  for (let c = 0; c < 3; c++) {
    const { firstMapped, table } = channels[c];
    const last = table.length - 1;
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i] - firstMapped;
      out[i * 3 + c] = table[index <= 0 ? 0 : index >= last ? last : index];
    }
  }
  return out;
}

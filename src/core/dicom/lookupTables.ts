// Lookup tables (Modality LUT, palette) located at ingest and read from the file's bytes at
// decode time, so a decode does not need the parsed header.
import { items } from './dataSetValues.ts';
import type { DataSet, Element } from './dicomParserTypes.ts';
import { expandSegmentedLut } from './segmentedLut.ts';
import type { InstanceMeta, LutLocation } from './types.ts';

/** A 16-bit value at `at`, failing past the end of the bytes as dicom-parser does. */
export function readUint16(bytes: Uint8Array, at: number, littleEndian: boolean): number {
  if (at + 2 > bytes.length) throw new Error('attempt to read past end of buffer');
  return littleEndian ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1];
}

function location(entries: number, firstMapped: number, bits: number, data: Element): LutLocation {
  return { entries, firstMapped, bits, offset: data.dataOffset, length: data.length };
}

/** The Modality LUT Sequence's (0028,3000) first table, when it has one. */
export function modalityLutLocation(ds: DataSet, meta: InstanceMeta): LutLocation | null {
  const [lut] = items(ds, 'x00283000');
  const descriptor = lut?.elements.x00283002;
  const data = lut?.elements.x00283006;
  if (!lut || !descriptor || !data || data.length < 2) return null;
  const entries = lut.uint16('x00283002', 0) || 65536;
  // The first mapped value follows the pixel representation (US or SS).
  const firstMapped =
    meta.pixelRepresentation === 1
      ? (lut.int16('x00283002', 1) ?? 0)
      : (lut.uint16('x00283002', 1) ?? 0);
  return location(entries, firstMapped, lut.uint16('x00283002', 2) ?? 16, data);
}

function paletteChannel(
  ds: DataSet,
  descriptorTag: string,
  dataTag: string,
  segmentedTag: string,
): LutLocation | null {
  const plain: Element | undefined = ds.elements[dataTag];
  const data = plain ?? ds.elements[segmentedTag];
  if (!ds.elements[descriptorTag] || !data) return null;
  const entries = ds.uint16(descriptorTag, 0) || 65536;
  const lut = location(
    entries,
    ds.uint16(descriptorTag, 1) ?? 0,
    ds.uint16(descriptorTag, 2) ?? 16,
    data,
  );
  return plain ? lut : { ...lut, segmented: true };
}

/** The red, green and blue palette tables (plain or segmented), when all three are there. */
export function paletteLocations(ds: DataSet): [LutLocation, LutLocation, LutLocation] | null {
  const red = paletteChannel(ds, 'x00281101', 'x00281201', 'x00281221');
  const green = paletteChannel(ds, 'x00281102', 'x00281202', 'x00281222');
  const blue = paletteChannel(ds, 'x00281103', 'x00281203', 'x00281223');
  return red && green && blue ? [red, green, blue] : null;
}

/** Modality LUT entries as values: as many as the descriptor says and the data holds. */
export function modalityLutTable(
  bytes: Uint8Array,
  lut: LutLocation,
  littleEndian: boolean,
): Float32Array {
  const count = Math.min(lut.entries, lut.length >> 1);
  const table = new Float32Array(count);
  for (let i = 0; i < count; i++) table[i] = readUint16(bytes, lut.offset + i * 2, littleEndian);
  return table;
}

/** Palette entries; 8-bit tables may be stored one entry per byte, else one per 16-bit word. */
export function paletteTable(
  bytes: Uint8Array,
  lut: LutLocation,
  littleEndian: boolean,
): Uint16Array {
  if (lut.segmented) return expandSegmentedLut(bytes, lut, littleEndian);
  const table = new Uint16Array(lut.entries);
  if (lut.length === 0) return table;
  const byteEntries = lut.bits === 8 && lut.length === lut.entries;
  for (let i = 0; i < lut.entries; i++) {
    table[i] = byteEntries
      ? bytes[lut.offset + i]
      : readUint16(bytes, lut.offset + i * 2, littleEndian);
  }
  return table;
}

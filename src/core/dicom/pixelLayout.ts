// Where an instance's pixels are in its file, found while its header is read, so decoding
// goes straight to a frame's bytes.
import type { DataSet } from './dicomParserTypes.ts';
import { encapsulatedFrames } from './encapsulatedLayout.ts';
import { modalityLutLocation, paletteLocations } from './lookupTables.ts';
import type { RawDataSet } from './readDataSet.ts';
import { ExplicitVRBigEndian, transferSyntaxInfo } from './transferSyntax.ts';
import type { InstanceMeta, PixelLayout } from './types.ts';

export const pixelDataTag = 'x7fe00010';

/** Bits one native frame occupies; 1-bit frames are packed without padding between them. */
export function nativeFrameBits(meta: InstanceMeta): number {
  const valuesPerPixel =
    meta.photometricInterpretation === 'YBR_FULL_422' ? 2 : meta.samplesPerPixel;
  return meta.rows * meta.columns * valuesPerPixel * meta.bitsAllocated;
}

/**
 * Retired overlays may live in the unused high bits of native pixel data; only then are the
 * samples cut to Bits Stored. Otherwise they are taken as written, as pydicom and dcmtk do
 * with data whose high bits disagree with Bits Stored.
 */
function hasEmbeddedOverlay(ds: DataSet): boolean {
  for (let group = 0x6000; group <= 0x601e; group += 2) {
    const g = group.toString(16);
    if ((ds.uint16(`x${g}0102`) ?? 0) > 0 && !ds.elements[`x${g}3000`]) return true;
  }
  return false;
}

/**
 * The pixel layout of a parsed instance, with offsets into `raw.dataSet.byteArray` (the
 * inflated bytes of a deflated file); undefined when there are no pixels Consilium can read.
 */
export function pixelLayoutOf(raw: RawDataSet, meta: InstanceMeta): PixelLayout | undefined {
  const ds = raw.dataSet;
  const pixels = ds.elements[pixelDataTag];
  const syntax = transferSyntaxInfo(raw.transferSyntaxUID);
  if (!pixels || !syntax) return undefined;
  const bigEndian = raw.transferSyntaxUID === ExplicitVRBigEndian;
  const bytes = ds.byteArray as Uint8Array;
  return {
    littleEndian: !bigEndian,
    pixels:
      syntax.encoding === 'native'
        ? {
            kind: 'native',
            offset: pixels.dataOffset,
            length: pixels.length,
            swapBytePairs: bigEndian && meta.bitsAllocated === 8 && pixels.vr === 'OW',
          }
        : { kind: 'encapsulated', frames: encapsulatedFrames(bytes, pixels, meta.frames) },
    modalityLut: modalityLutLocation(ds, meta),
    palette: paletteLocations(ds),
    embeddedOverlay: hasEmbeddedOverlay(ds),
  };
}

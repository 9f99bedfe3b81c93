// Where an instance's pixels are in its file, found while its header is read, so decoding
// goes straight to a frame's bytes.
import type { DataSet, Element } from './dicomParserTypes.ts';
import { encapsulatedFrames } from './encapsulatedLayout.ts';
import { modalityLutLocation, paletteLocations } from './lookupTables.ts';
import type { RawDataSet } from './readDataSet.ts';
import { ExplicitVRBigEndian, transferSyntaxInfo } from './transferSyntax.ts';
import type { InstanceMeta, PixelLayout } from './types.ts';

export const pixelDataTag = 'x7fe00010';
/** Float Pixel Data and Double Float Pixel Data (parametric maps): native IEEE floats. */
export const floatPixelDataTag = 'x7fe00008';
export const doubleFloatPixelDataTag = 'x7fe00009';

/** The pixel data element, of whichever of the three kinds the file holds, with its format. */
export function pixelDataOf(
  ds: DataSet,
): { element: Element; float?: 'float32' | 'float64' } | undefined {
  const integer = ds.elements[pixelDataTag];
  if (integer) return { element: integer };
  const single = ds.elements[floatPixelDataTag];
  if (single) return { element: single, float: 'float32' };
  const double = ds.elements[doubleFloatPixelDataTag];
  if (double) return { element: double, float: 'float64' };
  return undefined;
}

/** Whether a tag is one of the pixel data elements (checked on their own for truncation). */
export function isPixelDataTag(tag: string): boolean {
  return tag === pixelDataTag || tag === floatPixelDataTag || tag === doubleFloatPixelDataTag;
}

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
  const found = pixelDataOf(ds);
  const pixels = found?.element;
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
            ...(found.float ? { float: found.float } : {}),
          }
        : { kind: 'encapsulated', frames: encapsulatedFrames(bytes, pixels, meta.frames) },
    modalityLut: modalityLutLocation(ds, meta),
    palette: paletteLocations(ds),
    embeddedOverlay: hasEmbeddedOverlay(ds),
  };
}

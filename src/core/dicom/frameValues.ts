import { expand422, planarToInterleaved, toFloat, ybrFullToRgb } from './colour.ts';
import type { CodecFrame } from './codecs/codecFrame.ts';
import type { DataSet } from './dicomParserTypes.ts';
import { applyModality, modalityTransform } from './modalityLut.ts';
import { paletteToRgb } from './palette.ts';
import type { DecodedFrame, InstanceMeta } from './types.ts';

function range(values: Float32Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? { min, max } : { min: 0, max: 0 };
}

function colourValues(frame: CodecFrame, meta: InstanceMeta, native: boolean): Float32Array {
  const pixels = meta.rows * meta.columns;
  const pi = meta.photometricInterpretation;
  if (native && pi === 'YBR_FULL_422') return ybrFullToRgb(expand422(frame.samples, pixels), 8);
  const values =
    native && meta.planarConfiguration === 1
      ? planarToInterleaved(frame.samples, pixels)
      : toFloat(frame.samples);
  if (!frame.rgb && (pi === 'YBR_FULL' || pi === 'YBR_FULL_422')) {
    return ybrFullToRgb(values, meta.bitsStored || meta.bitsAllocated);
  }
  // RGB as is; YBR_RCT/YBR_ICT come back from the JPEG 2000 codec already as RGB.
  return values;
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

/** Stored samples of one frame to what the viewer shows: modality values or interleaved RGB. */
export function frameValues(
  ds: DataSet,
  meta: InstanceMeta,
  frame: CodecFrame,
  native: boolean,
): DecodedFrame {
  let values: Float32Array;
  let samplesPerPixel: 1 | 3 = 3;
  if (meta.samplesPerPixel === 1 && meta.photometricInterpretation === 'PALETTE COLOR') {
    values = paletteToRgb(ds, frame.samples);
  } else if (meta.samplesPerPixel === 1) {
    values = applyModality(
      frame.samples,
      meta,
      modalityTransform(ds, meta),
      native && hasEmbeddedOverlay(ds),
    );
    samplesPerPixel = 1;
  } else {
    values = colourValues(frame, meta, native);
  }
  return {
    rows: meta.rows,
    columns: meta.columns,
    samplesPerPixel,
    values,
    ...range(values),
    invert: meta.photometricInterpretation === 'MONOCHROME1',
  };
}

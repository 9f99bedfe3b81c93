import { expand422, planarToInterleaved, toFloat, ybrFullToRgb } from './colour.ts';
import type { CodecFrame } from './codecs/codecFrame.ts';
import { DicomProblem } from './loadError.ts';
import { applyModality, modalityTransform } from './modalityLut.ts';
import { paletteToRgb } from './palette.ts';
import type { DecodedFrame, InstanceMeta, PixelLayout } from './types.ts';

/** Where a decoded frame's values are written: a plain or a shared buffer. */
export type FloatAllocator = (length: number) => Float32Array;

export const plainFloats: FloatAllocator = (length) => new Float32Array(length);

/** Values over a SharedArrayBuffer, which workers read without a copy. */
export const sharedFloats: FloatAllocator = (length) =>
  new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT));

/** Smallest and largest value; a value that is infinite or not a number is refused. */
function range(values: Float32Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  let finite = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (v - v !== 0) finite = false; // NaN and ±Infinity give NaN
  }
  if (!finite) {
    throw new DicomProblem(
      'non-finite-values',
      'its modality values are infinite or not numbers (check Rescale Slope and Intercept), so no statistics or features could be trusted',
    );
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

/** Stored samples of one frame to what the viewer shows: modality values or interleaved RGB. */
export function frameValues(
  bytes: Uint8Array,
  layout: PixelLayout,
  meta: InstanceMeta,
  frame: CodecFrame,
  native: boolean,
  alloc: FloatAllocator = plainFloats,
): DecodedFrame {
  let values: Float32Array;
  let samplesPerPixel: 1 | 3 = 3;
  if (meta.samplesPerPixel === 1 && meta.photometricInterpretation === 'PALETTE COLOR') {
    values = paletteToRgb(bytes, layout, frame.samples);
  } else if (meta.samplesPerPixel === 1) {
    const transform = modalityTransform(bytes, layout, meta);
    const fitBits = native && layout.embeddedOverlay;
    values = applyModality(frame.samples, meta, transform, fitBits, alloc(frame.samples.length));
    samplesPerPixel = 1;
  } else {
    values = colourValues(frame, meta, native);
  }
  if (alloc !== plainFloats && samplesPerPixel === 3) {
    // Colour conversions make their own arrays; a shared frame gets one copy of the result.
    const out = alloc(values.length);
    out.set(values);
    values = out;
  }
  return {
    rows: meta.rows,
    columns: meta.columns,
    samplesPerPixel,
    values,
    ...range(values),
    invert: meta.photometricInterpretation === 'MONOCHROME1',
    ...(frame.note ? { note: frame.note } : {}),
  };
}

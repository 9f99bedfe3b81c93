// Our DecodedFrame as a cornerstone image. Grey frames carry modality values (slope 1,
// intercept 0); cornerstone indexes its LUT by integer pixel value, so non-integer values
// (e.g. PET) are scaled to integers and the scale is given back as the slope.
import type { CornerstoneImage } from 'cornerstone-core';
import { colourTo8Bit } from '../../core/dicom/colourDisplay.ts';
import type { DecodedFrame, InstanceMeta } from '../../core/dicom/types.ts';
import { defaultVoi } from './defaultVoi.ts';

function allIntegers(values: Float32Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== Math.round(values[i])) return false;
  return true;
}

function greyPixels(frame: DecodedFrame): { data: ArrayLike<number>; slope: number } {
  if (allIntegers(frame.values)) return { data: frame.values, slope: 1 };
  const range = frame.max - frame.min || 1;
  const slope = range / 4095;
  const data = new Int32Array(frame.values.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(frame.values[i] / slope);
  return { data, slope };
}

function rgbaPixels(frame: DecodedFrame): Uint8ClampedArray {
  const n = frame.rows * frame.columns;
  const out = new Uint8ClampedArray(n * 4);
  const v = frame.values;
  const k = colourTo8Bit(frame.max); // 16-bit RGB and 16-bit palette entries shown in 8 bits
  for (let i = 0, j = 0; i < n * 3; i += 3, j += 4) {
    out[j] = v[i] * k;
    out[j + 1] = v[i + 1] * k;
    out[j + 2] = v[i + 2] * k;
    out[j + 3] = 255;
  }
  return out;
}

export function toCornerstoneImage(
  imageId: string,
  frame: DecodedFrame,
  meta: InstanceMeta,
): CornerstoneImage {
  const colour = frame.samplesPerPixel === 3;
  const grey = colour ? null : greyPixels(frame);
  const data = grey ? grey.data : rgbaPixels(frame);
  const slope = grey?.slope ?? 1;
  const voi = defaultVoi(meta, frame);
  return {
    imageId,
    minPixelValue: colour ? 0 : Math.round(frame.min / slope),
    maxPixelValue: colour ? 255 : Math.round(frame.max / slope),
    slope,
    intercept: 0,
    windowCenter: voi.center,
    windowWidth: voi.width,
    getPixelData: () => data,
    rows: frame.rows,
    columns: frame.columns,
    height: frame.rows,
    width: frame.columns,
    color: colour,
    rowPixelSpacing: meta.pixelSpacingMm?.[0],
    columnPixelSpacing: meta.pixelSpacingMm?.[1],
    invert: false,
    sizeInBytes: frame.values.byteLength,
  };
}

// DecodedFrame (modality values) -> the model's input tensor, exactly as the card says.
// Order: channels -> crop -> resize -> intensity to [0,1] -> MONOCHROME1 inversion -> normalise.
// Intensity comes after resizing so that min-max/percentile statistics are taken on the image at
// the model's resolution, as they were for the training images (see docs/model-card.md).
import type { DecodedFrame } from '../dicom/types.ts';
import { InferenceFailure } from './errors.ts';
import { applyRange, intensityRange, type VoiWindow } from './intensity.ts';
import type { ImageInput, Preprocessing } from './modelCard.ts';
import { resamplePlane, type Region } from './resample.ts';

/** Header facts the card may restrict or use; all optional (a bare frame is checked less). */
export interface FrameContext {
  file: string;
  modality?: string;
  photometricInterpretation?: string;
  windows?: readonly VoiWindow[];
}

// ITU-R BT.601 luma weights, the usual colour -> grey conversion.
const LUMA = [0.299, 0.587, 0.114];

/** Returns a float32 array of channels x height x width (one image of the batch). */
export function preprocessFrame(
  frame: DecodedFrame,
  pre: Preprocessing,
  input: ImageInput,
  ctx: FrameContext,
): Float32Array {
  checkAllowed(frame, pre, ctx);
  const [, channels, height, width] = input.shape;
  const planes = toPlanes(frame, pre.channels === 'luma' ? 1 : channels);
  const region = cropRegion(frame, pre.crop);
  const out = new Float32Array(channels * height * width);
  const plane = height * width;
  for (let c = 0; c < channels; c++) {
    out.set(
      resamplePlane(planes[c], frame.columns, region, width, height, pre.resize.interpolation),
      c * plane,
    );
  }
  const [low, high] = intensityRange(out, pre.intensity, ctx.windows);
  applyRange(out, low, high);
  const invert = frame.invert && pre.invertMonochrome1 !== false;
  for (let c = 0; c < channels; c++) {
    const mean = pre.normalize.mean[pre.normalize.mean.length === 1 ? 0 : c];
    const std = pre.normalize.std[pre.normalize.std.length === 1 ? 0 : c];
    const base = c * plane;
    for (let i = base; i < base + plane; i++) {
      const v = invert ? 1 - out[i] : out[i];
      out[i] = (v - mean) / std;
    }
  }
  return out;
}

function checkAllowed(frame: DecodedFrame, pre: Preprocessing, ctx: FrameContext): void {
  const { modality, photometricInterpretation: pi } = ctx;
  if (modality && pre.modalities && !pre.modalities.includes(modality)) {
    throw new InferenceFailure(
      'image-unsupported',
      ctx.file,
      `the model takes ${pre.modalities.join('/')} images, not modality ${modality}`,
    );
  }
  if (pi && pre.photometricInterpretations && !pre.photometricInterpretations.includes(pi)) {
    throw new InferenceFailure(
      'image-unsupported',
      ctx.file,
      `the model takes ${pre.photometricInterpretations.join('/')} images, not ${pi}`,
    );
  }
  if (frame.rows < 1 || frame.columns < 1) {
    throw new InferenceFailure('image-unsupported', ctx.file, 'the image has no pixels');
  }
  if (frame.values.length !== frame.rows * frame.columns * frame.samplesPerPixel) {
    throw new InferenceFailure(
      'image-unsupported',
      ctx.file,
      `the frame holds ${frame.values.length} values, not ${frame.rows}x${frame.columns}x${frame.samplesPerPixel}`,
    );
  }
}

/** Grey or RGB interleaved -> `count` planes (luma for 1; grey repeated or RGB split for 3). */
function toPlanes(frame: DecodedFrame, count: number): Float32Array[] {
  const n = frame.rows * frame.columns;
  const src = frame.values;
  if (frame.samplesPerPixel === 1) return Array.from({ length: count }, () => src);
  if (count === 1) {
    const grey = new Float32Array(n);
    for (let i = 0, k = 0; i < n; i++, k += 3) {
      grey[i] = LUMA[0] * src[k] + LUMA[1] * src[k + 1] + LUMA[2] * src[k + 2];
    }
    return [grey];
  }
  return [0, 1, 2].map((c) => {
    const p = new Float32Array(n);
    for (let i = 0; i < n; i++) p[i] = src[i * 3 + c];
    return p;
  });
}

function cropRegion(frame: DecodedFrame, crop: Preprocessing['crop']): Region {
  if (crop === 'none') return { x: 0, y: 0, width: frame.columns, height: frame.rows };
  const side = Math.min(frame.rows, frame.columns);
  return {
    x: Math.floor((frame.columns - side) / 2),
    y: Math.floor((frame.rows - side) / 2),
    width: side,
    height: side,
  };
}

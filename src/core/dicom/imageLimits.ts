// The image a header describes, checked against the limits before any frame is allocated.
import { DicomProblem } from './loadError.ts';
import { formatBytes, type DicomLimits } from './limits.ts';
import type { InstanceMeta } from './types.ts';

/** Float32 values one decoded frame holds: palette colour comes out as RGB. */
export function decodedSamplesPerFrame(meta: InstanceMeta): number {
  const out = meta.photometricInterpretation === 'PALETTE COLOR' ? 3 : meta.samplesPerPixel;
  return meta.rows * meta.columns * out;
}

function over(what: string, value: number, limit: number, name: keyof DicomLimits): DicomProblem {
  return new DicomProblem(
    'limit-exceeded',
    `the header asks for ${what} ${value}, more than the limit of ${limit}`,
    { limit: name, value, max: limit },
  );
}

/**
 * Why the header's image cannot be decoded within the limits, or undefined when it can.
 * Impossible values (no samples, samples that are neither grey nor colour) are header errors.
 */
function isDoubleFloat(meta: InstanceMeta): boolean {
  const pixels = meta.pixelLayout?.pixels;
  return pixels?.kind === 'native' && pixels.float === 'float64';
}

export function imageLimitProblem(
  meta: InstanceMeta,
  limits: DicomLimits,
  doubleFloat = isDoubleFloat(meta),
): DicomProblem | undefined {
  // Double Float Pixel Data decodes to 32-bit values: its 64 bits make no bigger a frame.
  if (doubleFloat && meta.bitsAllocated === 64)
    limits = { ...limits, maxBitsAllocated: Math.max(limits.maxBitsAllocated, 64) };
  const spp = meta.samplesPerPixel;
  if (spp > limits.maxSamplesPerPixel)
    return over('samples per pixel of', spp, limits.maxSamplesPerPixel, 'maxSamplesPerPixel');
  if (spp !== 1 && spp !== 3) {
    return new DicomProblem(
      'invalid-header',
      `the header is damaged: Samples per Pixel (0028,0002) is ${spp}, where an image has 1 (grey) or 3 (colour)`,
      { samplesPerPixel: spp },
    );
  }
  if (meta.rows > limits.maxRows) return over('rows of', meta.rows, limits.maxRows, 'maxRows');
  if (meta.columns > limits.maxColumns)
    return over('columns of', meta.columns, limits.maxColumns, 'maxColumns');
  if (meta.frames > limits.maxFrames)
    return over('a number of frames of', meta.frames, limits.maxFrames, 'maxFrames');
  if (meta.bitsAllocated > limits.maxBitsAllocated)
    return over(
      'bits allocated of',
      meta.bitsAllocated,
      limits.maxBitsAllocated,
      'maxBitsAllocated',
    );
  const frameBytes = decodedSamplesPerFrame(meta) * Float32Array.BYTES_PER_ELEMENT;
  if (frameBytes > limits.maxDecodedBytesPerFrame) {
    return new DicomProblem(
      'limit-exceeded',
      `one frame of ${meta.columns} × ${meta.rows} pixels decodes to ${formatBytes(frameBytes)}, more than the limit of ${formatBytes(limits.maxDecodedBytesPerFrame)}`,
      { limit: 'maxDecodedBytesPerFrame', value: frameBytes, max: limits.maxDecodedBytesPerFrame },
    );
  }
  const fileBytes = frameBytes * meta.frames;
  if (fileBytes > limits.maxDecodedBytesPerFile) {
    return new DicomProblem(
      'limit-exceeded',
      `its ${meta.frames} frames decode to ${formatBytes(fileBytes)}, more than the limit of ${formatBytes(limits.maxDecodedBytesPerFile)}`,
      { limit: 'maxDecodedBytesPerFile', value: fileBytes, max: limits.maxDecodedBytesPerFile },
    );
  }
  return undefined;
}

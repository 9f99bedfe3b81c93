import { Decoder } from 'jpeg-lossless-decoder-js';
import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';

/**
 * The decoder reads one byte past the last code, so a stream whose entropy data ends right at
 * EOI loses its last pixel. One zero byte before EOI gives it that byte without changing a
 * sample; odd-length padding after EOI is dropped.
 */
function withSlack(jpeg: Uint8Array): Uint8Array {
  let eoi = jpeg.length - 2;
  while (eoi > 0 && !(jpeg[eoi] === 0xff && jpeg[eoi + 1] === 0xd9)) eoi--;
  if (eoi <= 0) return jpeg;
  const out = new Uint8Array(eoi + 3);
  out.set(jpeg.subarray(0, eoi), 0);
  out.set([0, 0xff, 0xd9], eoi);
  return out;
}

/** JPEG lossless (process 14, any predictor) through jpeg-lossless-decoder-js; pure JS. */
export async function decodeJpegLossless(
  frame: Uint8Array,
  info: CodecImageInfo,
): Promise<CodecFrame> {
  const bytesPerSample = info.bitsAllocated <= 8 ? 1 : 2;
  const stream = withSlack(frame);
  const decoded = new Decoder().decode(
    stream.buffer as ArrayBuffer,
    0,
    stream.length,
    bytesPerSample,
  );
  const buffer = decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength);
  const signed = info.pixelRepresentation === 1;
  const samples =
    bytesPerSample === 1
      ? signed
        ? new Int8Array(buffer)
        : new Uint8Array(buffer)
      : signed
        ? new Int16Array(buffer)
        : new Uint16Array(buffer);
  return { samples, rgb: false };
}

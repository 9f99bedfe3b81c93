import { Decoder } from 'jpeg-lossless-decoder-js';
import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';

/** JPEG lossless (process 14, any predictor) through jpeg-lossless-decoder-js; pure JS. */
export async function decodeJpegLossless(
  frame: Uint8Array,
  info: CodecImageInfo,
): Promise<CodecFrame> {
  const bytesPerSample = info.bitsAllocated <= 8 ? 1 : 2;
  const decoded = new Decoder().decode(
    frame.buffer as ArrayBuffer,
    frame.byteOffset,
    frame.length,
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

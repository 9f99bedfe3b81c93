// Codestreams of a known image for tests, made with the encoders of the codec packages whose
// decoders Consilium uses (CharLS for JPEG-LS, OpenJPEG for JPEG 2000), both lossless. OpenJPEG needs images of at least 64 × 48 or so (its default
// five decomposition levels).
import charlsFactory from '@cornerstonejs/codec-charls/wasmjs';
import openjpegFactory from '@cornerstonejs/codec-openjpeg/wasmjs';

// Emscripten takes the options object as its module: each factory needs its own.
const quiet = () => ({ print: () => {}, printErr: () => {} });

function run(encoder: EmbindEncoder, pixels: Uint16Array, width: number, height: number) {
  try {
    const frameInfo = { width, height, bitsPerSample: 16, componentCount: 1, isSigned: false };
    encoder
      .getDecodedBuffer(frameInfo)
      .set(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength));
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } finally {
    encoder.delete();
  }
}

/** A lossless JPEG-LS codestream of 16-bit grey pixels (row by row). */
export async function encodeJpegLs(pixels: Uint16Array, width: number, height: number) {
  const { JpegLSEncoder } = await charlsFactory(quiet());
  return run(new JpegLSEncoder(), pixels, width, height);
}

/** A lossless JPEG 2000 codestream of 16-bit grey pixels (row by row). */
export async function encodeJpeg2000(pixels: Uint16Array, width: number, height: number) {
  const { J2KEncoder } = await openjpegFactory(quiet());
  return run(new J2KEncoder(), pixels, width, height);
}

import type { Samples } from '../nativeSamples.ts';
import type { CodecImageInfo } from './codecFrame.ts';

/**
 * Runs one embind decoder over a frame and copies the result out of WASM memory (the view
 * dies with the decoder). Samples wider than 8 bits come out as 16-bit, signed when either
 * the codestream or the header says so.
 */
export function runEmbindDecoder(
  decoder: EmbindDecoder,
  frame: Uint8Array,
  info: CodecImageInfo,
): { samples: Samples; frameInfo: CodecFrameInfo } {
  try {
    decoder.getEncodedBuffer(frame.length).set(frame);
    decoder.decode();
    const frameInfo = decoder.getFrameInfo();
    const bytes = decoder.getDecodedBuffer().slice();
    const signed = frameInfo.isSigned === true || info.pixelRepresentation === 1;
    let samples: Samples;
    if (frameInfo.bitsPerSample > 8) {
      samples = signed ? new Int16Array(bytes.buffer) : new Uint16Array(bytes.buffer);
    } else {
      samples = signed ? new Int8Array(bytes.buffer) : bytes;
    }
    const bits = frameInfo.bitsPerSample;
    if (frameInfo.isSigned === false && info.pixelRepresentation === 1 && bits > 8 && bits < 16) {
      // The header says signed but the codestream stores unsigned samples of `bits` bits:
      // read them as two's complement, as GDCM does.
      const shift = 32 - bits;
      for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] << shift) >> shift;
    }
    return { samples, frameInfo };
  } catch (e) {
    // A C++ exception reaches JavaScript as a bare pointer (a number), which says nothing.
    if (typeof e === 'number')
      throw new Error('the codec found the codestream damaged', { cause: e });
    throw e;
  } finally {
    decoder.delete();
  }
}

import factory from '@cornerstonejs/codec-openjpeg/decodewasmjs';
import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';
import { loadCodec } from './compiledCodecs.ts';
import { runEmbindDecoder } from './embindFrame.ts';

let codec: ReturnType<typeof factory> | undefined;

/** JPEG 2000 through OpenJPEG, which also undoes the RCT/ICT colour transform. */
export async function decodeJpeg2000(frame: Uint8Array, info: CodecImageInfo): Promise<CodecFrame> {
  codec ??= loadCodec('openjpeg', factory);
  const { J2KDecoder } = await codec;
  const { samples } = runEmbindDecoder(new J2KDecoder(), frame, info);
  return { samples, rgb: true };
}

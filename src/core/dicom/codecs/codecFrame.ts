import type { Samples } from '../nativeSamples.ts';

/** What a codec hands back for one frame, before modality or colour conversion. */
export interface CodecFrame {
  samples: Samples;
  /** True when the codec already turned YCbCr into RGB (libjpeg does for colour JPEG). */
  rgb: boolean;
  /** Set when the codestream was not what the transfer syntax says (see decodeCompressed). */
  note?: string;
}

/** The facts a codec needs about the image it decodes. */
export interface CodecImageInfo {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  pixelRepresentation: number;
  photometricInterpretation: string;
}

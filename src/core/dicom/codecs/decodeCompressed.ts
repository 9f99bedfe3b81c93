import { DicomProblem } from '../loadError.ts';
import type { PixelEncoding } from '../transferSyntax.ts';
import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';
import {
  codestreamNames,
  readCodestreamHeader,
  type CodestreamHeader,
  type CodestreamKind,
} from './codestreamHeader.ts';
import { codecRunner, wasmEncodings, type WasmEncoding } from './codecRunner.ts';
import { checkJ2kCodestream } from './j2kCodestream.ts';
import { checkJpegLsCodestream } from './jpegLsCodestream.ts';
import type { CodecWasm } from './wasmLocator.ts';

type Decoder = (frame: Uint8Array, info: CodecImageInfo) => Promise<CodecFrame>;
export type CompressedEncoding = Exclude<PixelEncoding, 'native'>;

// Each codec module is imported on first use, so a session that never meets JPEG 2000 never
// loads its WASM.
const decoders: Record<CompressedEncoding, () => Promise<Decoder>> = {
  rle: async () => (await import('./rle.ts')).decodeRle,
  'jpeg-baseline': async () => (await import('./jpegBaseline.ts')).decodeJpegBaseline,
  'jpeg-extended': async () => (await import('./jpegExtended.ts')).decodeJpegExtended,
  'jpeg-lossless': async () => (await import('./jpegLossless.ts')).decodeJpegLossless,
  'jpeg-ls': async () => (await import('./jpegLs.ts')).decodeJpegLs,
  jpeg2000: async () => (await import('./jpeg2000.ts')).decodeJpeg2000,
  htj2k: async () => (await import('./htj2k.ts')).decodeHtj2k,
};

/** The encoding whose module holds each WASM codec. */
const wasmModule: Record<CodecWasm, CompressedEncoding> = {
  'libjpeg-turbo-8bit': 'jpeg-baseline',
  charls: 'jpeg-ls',
  openjpeg: 'jpeg2000',
  openjph: 'htj2k',
};

/** Imports a WASM codec's module (its Emscripten glue) ahead of its first frame. */
export function importCodecModule(codec: CodecWasm): Promise<unknown> {
  return decoders[wasmModule[codec]]();
}

/** The codestream family each transfer syntax's frames must be. */
const expectedKind: Record<CompressedEncoding, CodestreamKind> = {
  rle: 'rle',
  'jpeg-baseline': 'jpeg-dct',
  'jpeg-extended': 'jpeg-dct',
  'jpeg-lossless': 'jpeg-lossless',
  'jpeg-ls': 'jpeg-ls',
  jpeg2000: 'jpeg2000',
  htj2k: 'jpeg2000',
};

/** The decoder for a codestream found under another transfer syntax than its own. */
const decoderForKind: Record<CodestreamKind, CompressedEncoding> = {
  rle: 'rle',
  'jpeg-dct': 'jpeg-extended', // 8-bit through libjpeg-turbo, 12-bit through our own decoder
  'jpeg-lossless': 'jpeg-lossless',
  'jpeg-ls': 'jpeg-ls',
  jpeg2000: 'jpeg2000',
};

const syntaxNames: Record<CompressedEncoding, string> = {
  rle: 'RLE',
  'jpeg-baseline': 'JPEG',
  'jpeg-extended': 'JPEG',
  'jpeg-lossless': 'JPEG Lossless',
  'jpeg-ls': 'JPEG-LS',
  jpeg2000: 'JPEG 2000',
  htj2k: 'HTJ2K',
};

function hexStart(frame: Uint8Array): string {
  return Array.from(frame.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

const jpegFamily = new Set<CompressedEncoding>([
  'jpeg-baseline',
  'jpeg-extended',
  'jpeg-lossless',
  'jpeg-ls',
]);

/** The decoded frame, when it holds exactly the samples the header's image needs. */
function sized(decoded: CodecFrame, info: CodecImageInfo, name: string): CodecFrame {
  const needed = info.rows * info.columns * info.samplesPerPixel;
  if (decoded.samples.length !== needed) {
    throw new DicomProblem(
      'codestream-mismatch',
      `the ${name} codestream decodes to ${decoded.samples.length} samples, but the header's ${info.columns} × ${info.rows} × ${info.samplesPerPixel} needs ${needed}`,
      { decodedSamples: decoded.samples.length, neededSamples: needed },
    );
  }
  return decoded;
}

/** Refuses a codestream whose own size or components differ from the header's, before decoding. */
function checkSize(header: CodestreamHeader, info: CodecImageInfo): void {
  const name = codestreamNames[header.kind];
  const sizeKnown = header.width > 0 && header.height > 0;
  if (sizeKnown && (header.width !== info.columns || header.height !== info.rows)) {
    throw new DicomProblem(
      'codestream-mismatch',
      `the ${name} codestream holds ${header.width} × ${header.height} pixels, but the header says ${info.columns} × ${info.rows}`,
      { codestreamColumns: header.width, codestreamRows: header.height },
    );
  }
  if (header.components > 0 && header.components !== info.samplesPerPixel) {
    throw new DicomProblem(
      'codestream-mismatch',
      `the ${name} codestream holds ${header.components} components per pixel, but the header says ${info.samplesPerPixel}`,
      { codestreamComponents: header.components },
    );
  }
}

/** Decodes with `encoding`'s codec in this thread (the CLI's codec thread calls this too). */
export async function decodeHere(
  encoding: CompressedEncoding,
  frame: Uint8Array,
  info: CodecImageInfo,
): Promise<CodecFrame> {
  return (await decoders[encoding]())(frame, info);
}

/**
 * Decodes one compressed frame. The frame is decoded by its own markers: when they name
 * another codec than the transfer syntax does, that codec decodes it and the frame carries a
 * note saying so; when no codec fits, or the codestream's size differs from the header's, it
 * is refused before any pixels are allocated, and decoded frames of the wrong size are refused.
 */
export async function decodeCompressed(
  encoding: CompressedEncoding,
  frame: Uint8Array,
  info: CodecImageInfo,
): Promise<CodecFrame> {
  const header = readCodestreamHeader(frame);
  const labelled = syntaxNames[encoding];
  if (header === 'jpeg' && jpegFamily.has(encoding)) {
    // A JPEG stream whose frame header was not found: its decoder says what is wrong, and the
    // size of what it decodes is still checked. CharLS is the exception: its markers are
    // checked first, since it can spin for half a minute on a damaged stream.
    if (encoding === 'jpeg-ls') checkJpegLsCodestream(frame, info);
    return sized(await (await decoders[encoding]())(frame, info), info, labelled);
  }
  if (!header || header === 'jpeg') {
    throw new DicomProblem(
      'codestream-mismatch',
      `the frame is not a ${labelled} codestream, nor any other Consilium can decode (it starts with ${hexStart(frame)})`,
    );
  }
  checkSize(header, info);
  // The structure each codec relies on, checked here because the codecs can spin for minutes
  // on damaged streams (see jpegLsCodestream.ts and j2kCodestream.ts).
  if (header.kind === 'jpeg-ls') checkJpegLsCodestream(frame, info);
  if (header.kind === 'jpeg2000') checkJ2kCodestream(frame);
  const expected = expectedKind[encoding];
  const own = header.kind === expected ? encoding : decoderForKind[header.kind];
  const runner = codecRunner();
  const decoded = sized(
    runner && wasmEncodings.has(own)
      ? await runner(own as WasmEncoding, frame, info)
      : await decodeHere(own, frame, info),
    info,
    codestreamNames[header.kind],
  );
  if (header.kind === expected) return decoded;
  const note = `codestream is ${codestreamNames[header.kind]}, transfer syntax says ${labelled}`;
  return { ...decoded, note };
}

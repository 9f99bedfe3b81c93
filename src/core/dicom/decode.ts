import { decodeCompressed } from './codecs/decodeCompressed.ts';
import type { CodecFrame } from './codecs/codecFrame.ts';
import { encapsulatedFrameBytes } from './encapsulatedLayout.ts';
import { frameValues, plainFloats, sharedFloats } from './frameValues.ts';
import { imageLimitProblem } from './imageLimits.ts';
import { resolveLimits, type DicomLimits } from './limits.ts';
import { DicomLoadError, DicomProblem } from './loadError.ts';
import { floatSamples, nativeSamples } from './nativeSamples.ts';
import { nativeFrameBits, pixelDataOf, pixelLayoutOf } from './pixelLayout.ts';
import { readDataSet } from './readDataSet.ts';
import { transferSyntaxInfo, transferSyntaxName } from './transferSyntax.ts';
import type { DecodedFrame, InstanceMeta, NativePixels, PixelLayout } from './types.ts';

/** The bytes the layout's offsets point into, and the layout. */
interface Located {
  bytes: Uint8Array;
  layout: PixelLayout;
}

// Metas made without parseInstance, and deflated files (whose offsets point into the inflated
// data set), carry no layout: the header is read here, once per file while its bytes are kept.
const located = new WeakMap<Uint8Array, Located>();

function locate(bytes: Uint8Array, meta: InstanceMeta, limits: DicomLimits): Located {
  if (meta.pixelLayout) return { bytes, layout: meta.pixelLayout };
  let hit = located.get(bytes);
  if (!hit) {
    const raw = readDataSet(bytes, limits);
    if ('notDicom' in raw) throw new DicomLoadError('not-dicom', meta.file, raw.notDicom);
    if (raw.problem) throw asFileError(raw.problem, meta.file);
    const layout = pixelDataOf(raw.dataSet) && pixelLayoutOf(raw, meta);
    if (!layout) throw new DicomLoadError('no-pixel-data', meta.file, 'contains no image');
    hit = { bytes: raw.dataSet.byteArray as Uint8Array, layout };
    located.set(bytes, hit);
  }
  return hit;
}

function nativeFrame(
  bytes: Uint8Array,
  pixels: NativePixels,
  littleEndian: boolean,
  meta: InstanceMeta,
  frameIndex: number,
): CodecFrame {
  const frameBits = nativeFrameBits(meta);
  let samples = pixels.float
    ? floatSamples(bytes, pixels.offset, frameIndex, frameBits, littleEndian, pixels.float)
    : nativeSamples(bytes, pixels.offset, meta, frameIndex, frameBits, littleEndian);
  if (pixels.swapBytePairs) samples = swapPairs(samples);
  return { samples, rgb: false };
}

function swapPairs<T extends { length: number; [i: number]: number }>(samples: T): T {
  for (let i = 0; i + 1 < samples.length; i += 2) {
    const a = samples[i];
    samples[i] = samples[i + 1];
    samples[i + 1] = a;
  }
  return samples;
}

export interface DecodeOptions {
  /** Write the values into a SharedArrayBuffer, so other workers can read them without a copy. */
  shared?: boolean;
  /** Overrides of the default limits (src/core/dicom/limits.ts). */
  limits?: Partial<DicomLimits>;
}

function asFileError(problem: DicomProblem, file: string): DicomLoadError {
  return new DicomLoadError(problem.code, file, problem.reason, problem.params);
}

/**
 * Decodes frame `frameIndex` (0-based) of an instance to modality values (grey: rescaled, e.g.
 * HU) or interleaved RGB, from the file's bytes at the places its pixel layout records.
 * Sizes are checked against the limits before anything is allocated, compressed frames are
 * decoded by their own markers (a note says when those differ from the transfer syntax), and
 * values that are not finite numbers are refused.
 * Throws DicomLoadError, whose { code, file, reason } a user can read.
 */
export async function decodeFrame(
  bytes: Uint8Array,
  meta: InstanceMeta,
  frameIndex: number,
  options: DecodeOptions = {},
): Promise<DecodedFrame> {
  const file = meta.file;
  if (!Number.isInteger(frameIndex) || frameIndex < 0 || frameIndex >= meta.frames) {
    throw new DicomLoadError(
      'decode-failed',
      file,
      `frame ${frameIndex + 1} does not exist (the image has ${meta.frames})`,
    );
  }
  const syntax = transferSyntaxInfo(meta.transferSyntaxUID);
  if (!syntax) {
    throw new DicomLoadError(
      'unsupported-transfer-syntax',
      file,
      `its pixels are compressed as ${transferSyntaxName(meta.transferSyntaxUID)}, which Consilium cannot decode`,
    );
  }
  // Metas may come from elsewhere than parseInstance: the sizes are checked here too.
  const limits = resolveLimits(options.limits);
  const tooBig = imageLimitProblem(meta, limits);
  if (tooBig) throw asFileError(tooBig, file);
  const { bytes: data, layout } = locate(bytes, meta, limits);
  const alloc = options.shared ? sharedFloats : plainFloats;
  try {
    const { pixels } = layout;
    const { encoding } = syntax;
    if (encoding === 'native' || pixels.kind === 'native') {
      if (encoding !== 'native' || pixels.kind !== 'native')
        throw new Error('the pixel data does not match the transfer syntax');
      const frame = nativeFrame(data, pixels, layout.littleEndian, meta, frameIndex);
      return frameValues(data, layout, meta, frame, true, alloc);
    }
    const compressed = encapsulatedFrameBytes(data, pixels.frames[frameIndex]);
    const frame = await decodeCompressed(encoding, compressed, meta);
    return frameValues(data, layout, meta, frame, false, alloc);
  } catch (e) {
    if (e instanceof DicomLoadError) throw e;
    if (e instanceof DicomProblem) throw asFileError(e, file);
    const message = e instanceof Error ? e.message : String(e);
    throw new DicomLoadError(
      'decode-failed',
      file,
      `the ${syntax.name} image could not be decoded: ${message}`,
    );
  }
}

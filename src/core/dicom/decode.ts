import { decodeCompressed } from './codecs/decodeCompressed.ts';
import type { CodecFrame } from './codecs/codecFrame.ts';
import { encapsulatedFrame } from './encapsulatedFrame.ts';
import { frameValues } from './frameValues.ts';
import { DicomLoadError } from './loadError.ts';
import { nativeSamples } from './nativeSamples.ts';
import { nativeFrameBits, pixelDataTag } from './parse.ts';
import { readDataSet, type RawDataSet } from './readDataSet.ts';
import { ExplicitVRBigEndian, transferSyntaxInfo, transferSyntaxName } from './transferSyntax.ts';
import type { DecodedFrame, InstanceMeta } from './types.ts';

// Frames of one multi-frame file are decoded one by one: keep its parsed data set while the
// caller keeps its bytes, so the header is not read again for every frame.
const parsed = new WeakMap<Uint8Array, RawDataSet>();

function dataSetOf(bytes: Uint8Array, file: string): RawDataSet {
  let raw = parsed.get(bytes);
  if (!raw) {
    const read = readDataSet(bytes);
    if ('notDicom' in read) throw new DicomLoadError('not-dicom', file, read.notDicom);
    raw = read;
    parsed.set(bytes, raw);
  }
  return raw;
}

function nativeFrame(raw: RawDataSet, meta: InstanceMeta, frameIndex: number): CodecFrame {
  const pixels = raw.dataSet.elements[pixelDataTag];
  const bigEndian = raw.transferSyntaxUID === ExplicitVRBigEndian;
  let samples = nativeSamples(
    raw.dataSet.byteArray as Uint8Array,
    pixels.dataOffset,
    meta,
    frameIndex,
    nativeFrameBits(meta),
    !bigEndian,
  );
  // Big endian OW holds 8-bit samples in swapped byte pairs.
  if (bigEndian && meta.bitsAllocated === 8 && pixels.vr === 'OW') samples = swapPairs(samples);
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

/**
 * Decodes frame `frameIndex` (0-based) of an instance to modality values (grey: rescaled, e.g.
 * HU) or interleaved RGB. Throws DicomLoadError, whose { code, file, reason } a user can read.
 */
export async function decodeFrame(
  bytes: Uint8Array,
  meta: InstanceMeta,
  frameIndex: number,
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
  const raw = dataSetOf(bytes, file);
  const pixels = raw.dataSet.elements[pixelDataTag];
  if (!pixels) throw new DicomLoadError('no-pixel-data', file, 'contains no image');
  try {
    if (syntax.encoding === 'native') {
      return frameValues(raw.dataSet, meta, nativeFrame(raw, meta, frameIndex), true);
    }
    const compressed = encapsulatedFrame(raw.dataSet, pixels, frameIndex, meta.frames);
    const frame = await decodeCompressed(syntax.encoding, compressed, meta);
    return frameValues(raw.dataSet, meta, frame, false);
  } catch (e) {
    if (e instanceof DicomLoadError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new DicomLoadError(
      'decode-failed',
      file,
      `the ${syntax.name} image could not be decoded: ${message}`,
    );
  }
}

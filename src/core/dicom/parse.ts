import type { DataSet, Element } from './dicomParserTypes.ts';
import { text } from './dataSetValues.ts';
import { imageLimitProblem } from './imageLimits.ts';
import { instanceMeta } from './instanceMeta.ts';
import { resolveLimits, type DicomLimits } from './limits.ts';
import type { DicomProblem } from './loadError.ts';
import { isPixelDataTag, nativeFrameBits, pixelDataOf, pixelLayoutOf } from './pixelLayout.ts';
import { readDataSet, type RawDataSet } from './readDataSet.ts';
import { transferSyntaxInfo, transferSyntaxName } from './transferSyntax.ts';
import { withSeriesFallback } from './seriesFallback.ts';
import type { InstanceMeta, LoadError, LoadErrorCode } from './types.ts';
import { validVRs } from './vr.ts';

export { headerParseCount } from './readDataSet.ts';

export type ParseResult = { ok: true; meta: InstanceMeta } | { ok: false; error: LoadError };

export interface ParseOptions {
  /** Overrides of the default limits (src/core/dicom/limits.ts). */
  limits?: Partial<DicomLimits>;
}

/** "(7FE0,0010)": how people write tags. */
export function formatTag(tag: string): string {
  return `(${tag.slice(1, 5).toUpperCase()},${tag.slice(5, 9).toUpperCase()})`;
}

function firstInvalidVR(ds: DataSet): Element | undefined {
  for (const el of Object.values(ds.elements)) {
    if (el.vr !== undefined && !el.tag.startsWith('xfffe') && !validVRs.has(el.vr)) return el;
    for (const item of el.items ?? []) {
      const bad = item.dataSet && firstInvalidVR(item.dataSet);
      if (bad) return bad;
    }
  }
  return undefined;
}

/** A top-level element whose value the bytes end before (Pixel Data is checked on its own). */
function elementPastEnd(ds: DataSet): Element | undefined {
  const end = ds.byteArray.length;
  for (const el of Object.values(ds.elements)) {
    if (!isPixelDataTag(el.tag) && el.dataOffset + el.length > end) return el;
  }
  return undefined;
}

function fail(code: LoadErrorCode, file: string, reason: string): ParseResult {
  return { ok: false, error: { code, file, reason } };
}

function failWith(problem: DicomProblem, file: string): ParseResult {
  const error: LoadError = { code: problem.code, file, reason: problem.reason };
  return { ok: false, error: problem.params ? { ...error, params: problem.params } : error };
}

/** Rescale Slope and Intercept must be finite numbers where they turn samples into values. */
function nonFiniteRescale(ds: DataSet, meta: InstanceMeta, file: string): ParseResult | undefined {
  const grey = meta.samplesPerPixel === 1 && meta.photometricInterpretation !== 'PALETTE COLOR';
  if (!grey || ds.elements.x00283000) return undefined; // a Modality LUT replaces the rescale
  const bad = !Number.isFinite(meta.rescaleSlope)
    ? `Rescale Slope (0028,1053) is ${meta.rescaleSlope}`
    : !Number.isFinite(meta.rescaleIntercept)
      ? `Rescale Intercept (0028,1052) is ${meta.rescaleIntercept}`
      : undefined;
  if (!bad) return undefined;
  return fail(
    'non-finite-values',
    file,
    `${bad}, not a finite number, so its modality values (e.g. Hounsfield units) cannot be computed`,
  );
}

/** Every frame of encapsulated pixel data needs at least one fragment of its own. */
function implausibleFrames(pixels: Element, meta: InstanceMeta, file: string) {
  const fragments = pixels.fragments?.length ?? 0;
  if (meta.frames <= fragments) return undefined;
  const held =
    fragments === 0 ? 'no fragments' : `only ${fragments} fragment${fragments === 1 ? '' : 's'}`;
  return fail(
    'invalid-header',
    file,
    `the header is damaged: Number of Frames (0028,0008) is ${meta.frames}, but the pixel data holds ${held}`,
  );
}

function checkPixelData(
  raw: RawDataSet,
  bytes: Uint8Array,
  meta: InstanceMeta,
  file: string,
  limits: DicomLimits,
): ParseResult {
  const { dataSet } = raw;
  const found = pixelDataOf(dataSet);
  const pixels = found?.element;
  if (!found || !pixels) {
    const what = meta.modality === 'SR' ? 'it is a structured report' : 'it has no Pixel Data';
    return fail('no-pixel-data', file, `contains no image (${what})`);
  }
  const syntax = transferSyntaxInfo(raw.transferSyntaxUID);
  if (!syntax) {
    return fail(
      'unsupported-transfer-syntax',
      file,
      `its pixels are compressed as ${transferSyntaxName(raw.transferSyntaxUID)}, which Consilium cannot decode`,
    );
  }
  if (meta.rows === 0 || meta.columns === 0 || meta.bitsAllocated === 0) {
    return fail(
      'invalid-header',
      file,
      'the header gives no image size (Rows, Columns or Bits Allocated missing)',
    );
  }
  if (found.float) {
    const bits = found.float === 'float64' ? 64 : 32;
    const name = found.float === 'float64' ? 'Double Float Pixel Data' : 'Float Pixel Data';
    if (meta.bitsAllocated !== bits || syntax.encoding !== 'native')
      return fail(
        'invalid-header',
        file,
        `${name} needs ${bits} bits allocated, uncompressed; the header says ${meta.bitsAllocated} bits, ${syntax.name}`,
      );
  }
  // Sizes are checked against the limits before anything is sized from them.
  const tooBig = imageLimitProblem(meta, limits, found.float === 'float64');
  if (tooBig) return failWith(tooBig, file);
  const rescale = nonFiniteRescale(dataSet, meta, file);
  if (rescale) return rescale;
  if (syntax.encoding === 'native') {
    const expected = Math.ceil((nativeFrameBits(meta) * meta.frames) / 8);
    const available = Math.min(pixels.length, dataSet.byteArray.length - pixels.dataOffset);
    if (available < expected) {
      return fail(
        'truncated',
        file,
        `the pixel data is truncated: ${available} bytes where the image needs ${expected}`,
      );
    }
  } else if (!pixels.encapsulatedPixelData) {
    return fail(
      'invalid-header',
      file,
      `the header says ${syntax.name} but the pixel data is not encapsulated`,
    );
  } else {
    const frames = implausibleFrames(pixels, meta, file);
    if (frames) return frames;
  }
  // Offsets into an inflated data set mean nothing in the file's own bytes.
  const layout = dataSet.byteArray === bytes ? pixelLayoutOf(raw, meta) : undefined;
  return { ok: true, meta: layout ? { ...meta, pixelLayout: layout } : meta };
}

function parseChecked(bytes: Uint8Array, file: string, limits: DicomLimits): ParseResult {
  const raw = readDataSet(bytes, limits);
  if ('notDicom' in raw) return fail('not-dicom', file, raw.notDicom);
  if (raw.problem) return failWith(raw.problem, file);
  const bad = firstInvalidVR(raw.dataSet);
  if (bad) {
    return fail(
      'invalid-header',
      file,
      `the header is damaged: element ${formatTag(bad.tag)} has an invalid value representation "${bad.vr}"`,
    );
  }
  const frames = text(raw.dataSet, 'x00280008');
  if (frames !== '' && !/^[+-]?\d+$/.test(frames)) {
    // Guessing a frame count would show the wrong images; better to say the header is wrong.
    return fail(
      'invalid-header',
      file,
      `the header is damaged: Number of Frames (0028,0008) is "${frames}", which is not a whole number`,
    );
  }
  // No Series Instance UID: grouped by a derived one, so the instance is still reachable.
  const meta = withSeriesFallback(
    instanceMeta(raw.dataSet, file, bytes.length, raw.transferSyntaxUID),
  );
  if (raw.parseError) {
    const pixels = pixelDataOf(raw.dataSet)?.element;
    const endsEarly = /overrun|past end|beyond|buffer/i.test(raw.parseError);
    if (pixels && pixels.dataOffset + pixels.length > raw.dataSet.byteArray.length) {
      return fail(
        'truncated',
        file,
        'the pixel data is truncated: the file ends before the image does',
      );
    }
    if (endsEarly)
      return fail('truncated', file, 'the file is truncated: it ends in the middle of an element');
    if (/call stack/i.test(raw.parseError)) {
      // Only where the sequence walk could not follow the bytes and dicom-parser recursed.
      return fail('invalid-header', file, 'the header cannot be read: its sequences nest too deep');
    }
    return fail('invalid-header', file, `the header cannot be read: ${raw.parseError}`);
  }
  const cut = elementPastEnd(raw.dataSet);
  if (cut) {
    return fail(
      'truncated',
      file,
      `the file is truncated: element ${formatTag(cut.tag)} runs past the end of the file`,
    );
  }
  return checkPixelData(raw, bytes, meta, file, limits);
}

/**
 * Reads the header of one file into InstanceMeta, or says in plain words why it cannot be used.
 * The meta records where each frame's bytes are, so decoding never reads the header again.
 * Every size the header states is checked against the file and the limits first; it never
 * throws, whatever the bytes.
 */
export function parseInstance(
  bytes: Uint8Array,
  file: string,
  options: ParseOptions = {},
): ParseResult {
  try {
    return parseChecked(bytes, file, resolveLimits(options.limits));
  } catch (e) {
    // dicom-parser throws strings; a damaged header must cost this file only.
    const message = e instanceof Error ? e.message : String(e);
    return fail('invalid-header', file, `the header cannot be read: ${message}`);
  }
}

import { inflateBounded } from './boundedInflate.ts';
import { dicomParser, type DataSet, type Element } from './dicomParserTypes.ts';
import { resolveLimits, type DicomLimits } from './limits.ts';
import { DicomProblem } from './loadError.ts';
import { sequenceLimitProblem } from './structureScan.ts';
import {
  DeflatedExplicitVRLittleEndian,
  ExplicitVRBigEndian,
  ExplicitVRLittleEndian,
  ImplicitVRLittleEndian,
} from './transferSyntax.ts';
import { longLengthVRs, looksLikeVR } from './vr.ts';

/** A data set as dicom-parser reads it, plus what we learnt about its encoding on the way. */
export interface RawDataSet {
  dataSet: DataSet;
  transferSyntaxUID: string;
  /** True when the file names no transfer syntax and the encoding was detected from the bytes. */
  syntaxAssumed: boolean;
  /** Set when parsing stopped early; the elements read before the failure are kept. */
  parseError?: string;
  /**
   * Set when the data set was not read because it passes a limit (inflated size, sequence
   * depth or items); the data set then holds the file meta elements only.
   */
  problem?: DicomProblem;
}

/** Why the bytes are not a DICOM data set at all. */
export interface NotDicom {
  notDicom: string;
}

const preambleLength = 128;

// How many headers have been read in this thread: tests and benchmarks check that a file's
// header is parsed once (at ingest), not again for every decode.
let headersRead = 0;

/** Data sets read so far by readDataSet in this thread. */
export function headerParseCount(): number {
  return headersRead;
}

function hasPrefix(bytes: Uint8Array, at: number): boolean {
  return (
    bytes.length >= at + 4 &&
    bytes[at] === 0x44 &&
    bytes[at + 1] === 0x49 &&
    bytes[at + 2] === 0x43 &&
    bytes[at + 3] === 0x4d
  );
}

function tagKey(group: number, element: number): string {
  return 'x' + group.toString(16).padStart(4, '0') + element.toString(16).padStart(4, '0');
}

function readGroup(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

/**
 * Reads the group 0002 file meta elements by hand: dicom-parser only reads them after a
 * preamble, and real files also carry them without one.
 */
function readMeta(
  bytes: Uint8Array,
  start: number,
): { elements: Record<string, Element>; end: number } {
  const elements: Record<string, Element> = {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = start;
  while (pos + 8 <= bytes.length && view.getUint16(pos, true) === 0x0002) {
    const element = view.getUint16(pos + 2, true);
    let vr: string | undefined;
    let length: number;
    let dataOffset: number;
    if (looksLikeVR(bytes, pos + 4)) {
      vr = String.fromCharCode(bytes[pos + 4], bytes[pos + 5]);
      if (longLengthVRs.has(vr)) {
        if (pos + 12 > bytes.length) break;
        length = view.getUint32(pos + 8, true);
        dataOffset = pos + 12;
      } else {
        length = view.getUint16(pos + 6, true);
        dataOffset = pos + 8;
      }
    } else {
      // Some writers put the meta group in implicit VR.
      length = view.getUint32(pos + 4, true);
      dataOffset = pos + 8;
    }
    if (dataOffset + length > bytes.length) break;
    const tag = tagKey(0x0002, element);
    elements[tag] = {
      tag,
      vr,
      length,
      dataOffset,
      parser: dicomParser.littleEndianByteArrayParser,
    };
    pos = dataOffset + length;
  }
  return { elements, end: pos };
}

function readString(bytes: Uint8Array, element: Element | undefined): string {
  if (!element) return '';
  let text = '';
  for (let i = element.dataOffset; i < element.dataOffset + element.length; i++) {
    text += String.fromCharCode(bytes[i]);
  }
  return text.replace(/[\0 ]+$/, '').trim();
}

/**
 * Finds the preamble, the file meta and the transfer syntax, then lets dicom-parser read the
 * data set. Files without preamble or meta are read too (implicit or explicit VR detected).
 */
export function readDataSet(
  input: Uint8Array,
  limits: DicomLimits = resolveLimits(),
): RawDataSet | NotDicom {
  headersRead++;
  let start = 0;
  if (hasPrefix(input, preambleLength)) start = preambleLength + 4;
  else if (hasPrefix(input, 0)) start = 4;
  const { elements, end: bodyStart } = readMeta(input, start);
  let transferSyntaxUID = readString(input, elements.x00020010);
  const syntaxAssumed = transferSyntaxUID === '';

  if (start === 0 && bodyStart === 0) {
    // No preamble and no meta: believe it is DICOM only if it opens like a data set does.
    const group = input.length >= 8 ? readGroup(input, 0) : -1;
    if (group < 0 || group % 2 !== 0 || group > 0x0028) {
      return {
        notDicom:
          'not a DICOM file: there is no "DICM" marker at byte 128 and the file does not start with a DICOM data set',
      };
    }
  }
  if (syntaxAssumed) {
    transferSyntaxUID = looksLikeVR(input, bodyStart + 4)
      ? ExplicitVRLittleEndian
      : ImplicitVRLittleEndian;
  }

  const metaOnly = (fields: Partial<RawDataSet>): RawDataSet => ({
    dataSet: new dicomParser.DataSet(dicomParser.littleEndianByteArrayParser, input, elements),
    transferSyntaxUID,
    syntaxAssumed,
    ...fields,
  });
  let bytes = input;
  if (transferSyntaxUID === DeflatedExplicitVRLittleEndian) {
    try {
      // The unchanged header bytes and the inflated data set as one array, so element offsets
      // stay valid.
      bytes = inflateBounded(
        input.subarray(0, bodyStart),
        input.subarray(bodyStart),
        limits.maxInflatedBytes,
      );
    } catch (e) {
      if (e instanceof DicomProblem) return metaOnly({ problem: e });
      return metaOnly({ parseError: `deflated data set does not inflate (${String(e)})` });
    }
  }
  const bigEndian = transferSyntaxUID === ExplicitVRBigEndian;
  const explicit = transferSyntaxUID !== ImplicitVRLittleEndian;
  const problem = sequenceLimitProblem(bytes, bodyStart, explicit, !bigEndian, limits);
  if (problem) return metaOnly({ problem });
  const parser = bigEndian
    ? dicomParser.bigEndianByteArrayParser
    : dicomParser.littleEndianByteArrayParser;
  const dataSet = new dicomParser.DataSet(parser, bytes, elements);
  dataSet.warnings = [];
  const stream = new dicomParser.ByteStream(parser, bytes, bodyStart);
  const result: RawDataSet = { dataSet, transferSyntaxUID, syntaxAssumed };
  try {
    if (transferSyntaxUID === ImplicitVRLittleEndian) {
      dicomParser.parseDicomDataSetImplicit(dataSet, stream, bytes.length);
    } else {
      dicomParser.parseDicomDataSetExplicit(dataSet, stream, bytes.length);
    }
  } catch (e) {
    result.parseError = e instanceof Error ? e.message : String(e);
  }
  return result;
}

// A PACS instance as the same Part 10 bytes a local file would be: its metadata (DICOM JSON)
// and its frames as stored, written by dcmjs. Everything downstream (parse, pixel layout,
// our codecs, the study index, analysis, bundles) then treats PACS series and local files
// alike, with no second path to keep in step.
import type { DcmjsDataset, DcmjsElement } from 'dcmjs';
import {
  DeflatedExplicitVRLittleEndian,
  ExplicitVRBigEndian,
  ExplicitVRLittleEndian,
  ImplicitVRLittleEndian,
  transferSyntaxInfo,
} from '../dicom/transferSyntax.ts';
import { concatBytes } from '../bytes/concat.ts';
import { writePart10 } from '../dicom/write/part10File.ts';
import { ProblemError } from '../result.ts';
import { numberOf, tags, textOf, type JsonDataSet, type JsonElement } from './dicomJson.ts';
import type { Frames } from './wado.ts';

// The syntaxes whose frames arrive as plain samples: written back as Explicit VR LE.
const nativeSyntaxes = new Set([
  ImplicitVRLittleEndian,
  ExplicitVRLittleEndian,
  DeflatedExplicitVRLittleEndian,
  ExplicitVRBigEndian,
]);

function base64Bytes(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/[\s=]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = alphabet.indexOf(clean[i]);
    if (v < 0)
      throw new ProblemError('dicomweb-bad-response', 'an InlineBinary value is not base64', {});
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}

/** Private (odd group) tags are dropped: their bulk data is the vendor's, never the image's. */
function isPrivate(tag: string): boolean {
  return (parseInt(tag.slice(3, 4), 16) & 1) === 1;
}

/**
 * The data set as dcmjs writes it, with each BulkDataURI of a standard element replaced by its
 * bytes (fetched by `bulk`); Pixel Data is left out (the frames are added separately).
 */
export async function resolveDataSet(
  ds: JsonDataSet,
  bulk: (uri: string) => Promise<Uint8Array>,
): Promise<DcmjsDataset> {
  const out: DcmjsDataset = {};
  for (const [rawTag, el] of Object.entries(ds)) {
    const tag = rawTag.toUpperCase();
    if (tag === tags.pixelData || isPrivate(tag) || tag.startsWith('0002')) continue;
    out[tag] = await resolveElement(el, bulk);
  }
  return out;
}

async function resolveElement(
  el: JsonElement,
  bulk: (uri: string) => Promise<Uint8Array>,
): Promise<DcmjsElement> {
  if (el.BulkDataURI !== undefined)
    return { vr: el.vr, Value: [buffer(await bulk(el.BulkDataURI))] };
  if (el.InlineBinary !== undefined)
    return { vr: el.vr, Value: [buffer(base64Bytes(el.InlineBinary))] };
  if (el.vr === 'SQ' && el.Value) {
    const items: DcmjsDataset[] = [];
    for (const item of el.Value) items.push(await resolveDataSet(item as JsonDataSet, bulk));
    return { vr: 'SQ', Value: items };
  }
  // An element with no value still needs an empty one for dcmjs to write it.
  return { vr: el.vr, Value: el.Value ? [...el.Value] : [] };
}

/** 16- and 32-bit samples of a big endian frame, in little endian order. */
function swapped(frame: Uint8Array, bitsAllocated: number): Uint8Array {
  const width = bitsAllocated / 8;
  if (width !== 2 && width !== 4) return frame;
  const out = new Uint8Array(frame.length);
  for (let i = 0; i + width <= frame.length; i += width)
    for (let b = 0; b < width; b++) out[i + b] = frame[i + width - 1 - b];
  return out;
}

function concat(frames: readonly Uint8Array[]): Uint8Array {
  return frames.length === 1 ? frames[0] : concatBytes(frames);
}

/**
 * Part 10 bytes of an instance: `dataSet` from resolveDataSet, and all its frames as the PACS
 * sent them. Native frames (whatever native syntax was stored) become Explicit VR Little
 * Endian; compressed frames keep their syntax, one fragment each.
 */
export function instanceFile(
  meta: JsonDataSet,
  dataSet: DcmjsDataset,
  frames: Frames | undefined,
): Uint8Array {
  const stored = frames?.transferSyntaxUid ?? ExplicitVRLittleEndian;
  if (!transferSyntaxInfo(stored))
    throw new ProblemError(
      'unsupported-transfer-syntax',
      `the PACS sent frames as ${stored}, which Consilium cannot decode`,
      { transferSyntax: stored },
    );
  const native = nativeSyntaxes.has(stored);
  const syntax = native ? ExplicitVRLittleEndian : stored;
  const bitsAllocated = numberOf(meta, tags.bitsAllocated) ?? 16;
  const dict: DcmjsDataset = { ...dataSet };
  if (frames && native) {
    const samples =
      stored === ExplicitVRBigEndian
        ? frames.frames.map((f) => swapped(f, bitsAllocated))
        : frames.frames;
    dict[tags.pixelData] = {
      vr: bitsAllocated > 8 ? 'OW' : 'OB',
      Value: [buffer(concat(samples))],
    };
  } else if (frames) {
    dict[tags.pixelData] = { vr: 'OB', Value: frames.frames.map(buffer) };
  }
  const sopClass = textOf(meta, tags.sopClassUid);
  const sopInstance = textOf(meta, tags.sopInstanceUid);
  // Values as the PACS holds them, even past their VR's length: they are the source's, not ours.
  return writePart10(
    dict,
    { sopClassUid: sopClass, sopInstanceUid: sopInstance, transferSyntax: syntax },
    { fragmentMultiframe: false, allowInvalidVRLength: true },
  );
}

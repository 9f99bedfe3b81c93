// Which fragments of encapsulated pixel data make up each frame, found once at ingest: by the
// Basic Offset Table when there is one, else one fragment per frame when the counts agree, else
// by finding where each image starts.
import type { Element, Fragment } from './dicomParserTypes.ts';

/** True when a fragment opens a new compressed image: JPEG SOI, J2K SOC or a JP2 signature box. */
function startsImage(bytes: Uint8Array, at: number): boolean {
  const a = bytes[at];
  const b = bytes[at + 1];
  if (a === 0xff && (b === 0xd8 || b === 0x4f)) return true;
  return a === 0 && b === 0 && bytes[at + 2] === 0 && bytes[at + 3] === 0x0c;
}

/** [offset, length, …] of fragments first..end-1; `position` is where a fragment's bytes begin. */
function span(fragments: Fragment[], first: number, end: number): number[] {
  const out: number[] = [];
  for (let i = first; i < end; i++) out.push(fragments[i].position, fragments[i].length);
  return out;
}

// The messages dicom-parser gives for an offset table that does not match the fragments.
const reader = 'dicomParser.readEncapsulatedImageFrame';

function byOffsetTable(table: number[], fragments: Fragment[], frame: number): number[] | string {
  if (frame >= table.length)
    return `${reader}: parameter 'frameIndex' must be < basicOffsetTable.length`;
  const first = fragments.findIndex((f) => f.offset === table[frame]);
  if (first < 0) return `${reader}: unable to find fragment that matches basic offset table entry`;
  if (frame === table.length - 1) return span(fragments, first, fragments.length);
  for (let i = first + 1; i < fragments.length; i++) {
    if (fragments[i].offset === table[frame + 1]) return span(fragments, first, i);
  }
  return 'dicomParser.calculateNumberOfFragmentsForFrame: could not find fragment with offset matching basic offset table';
}

/** For each frame, its fragments' [offset, length, …] in `bytes`, or why it cannot be found. */
export function encapsulatedFrames(
  bytes: Uint8Array,
  pixels: Element,
  frames: number,
): (number[] | string)[] {
  const fragments = pixels.fragments ?? [];
  const table = pixels.basicOffsetTable ?? [];
  const out: (number[] | string)[] = [];
  if (fragments.length === 0) {
    for (let f = 0; f < frames; f++) out.push('the encapsulated pixel data holds no fragments');
  } else if (table.length > 0) {
    for (let f = 0; f < frames; f++) out.push(byOffsetTable(table, fragments, f));
  } else if (frames === 1) {
    out.push(span(fragments, 0, fragments.length));
  } else if (fragments.length === frames) {
    for (let f = 0; f < frames; f++) out.push(span(fragments, f, f + 1));
  } else {
    const starts: number[] = [];
    fragments.forEach((fragment, i) => {
      if (i === 0 || startsImage(bytes, fragment.position)) starts.push(i);
    });
    for (let f = 0; f < frames; f++) {
      if (f >= starts.length) {
        out.push(`frame ${f + 1} is not in the pixel data (it holds ${starts.length})`);
        continue;
      }
      const end = f + 1 < starts.length ? starts[f + 1] : fragments.length;
      out.push(span(fragments, starts[f], end));
    }
  }
  return out;
}

/** The compressed bytes of one frame: a view for one fragment, else the fragments joined. */
export function encapsulatedFrameBytes(bytes: Uint8Array, frame: number[] | string): Uint8Array {
  if (typeof frame === 'string') throw new Error(frame);
  if (frame.length === 2)
    return new Uint8Array(bytes.buffer, bytes.byteOffset + frame[0], frame[1]);
  let size = 0;
  for (let i = 1; i < frame.length; i += 2) size += frame[i];
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < frame.length; i += 2) {
    // Bytes past the end of a damaged file read as zeros, as dicom-parser's copy does.
    out.set(bytes.subarray(frame[i], frame[i] + frame[i + 1]), at);
    at += frame[i + 1];
  }
  return out;
}

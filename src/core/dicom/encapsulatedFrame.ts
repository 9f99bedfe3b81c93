import { dicomParser, type DataSet, type Element, type Fragment } from './dicomParserTypes.ts';

/** True when a fragment opens a new compressed image: JPEG SOI, J2K SOC or a JP2 signature box. */
function startsImage(bytes: Uint8Array, at: number): boolean {
  const a = bytes[at];
  const b = bytes[at + 1];
  if (a === 0xff && (b === 0xd8 || b === 0x4f)) return true;
  return a === 0 && b === 0 && bytes[at + 2] === 0 && bytes[at + 3] === 0x0c;
}

/** Groups fragments into frames by where each image starts, for files without an offset table. */
function frameStarts(ds: DataSet, fragments: Fragment[]): number[] {
  const starts: number[] = [];
  fragments.forEach((fragment, i) => {
    // `position` is where the fragment's bytes begin in the file.
    if (i === 0 || startsImage(ds.byteArray, fragment.position)) starts.push(i);
  });
  return starts;
}

/**
 * The compressed bytes of one frame: by the Basic Offset Table when there is one, else one
 * fragment per frame when the counts agree, else by finding where each image starts.
 */
export function encapsulatedFrame(
  ds: DataSet,
  pixels: Element,
  frameIndex: number,
  frames: number,
): Uint8Array {
  const fragments = pixels.fragments ?? [];
  if (fragments.length === 0) throw new Error('the encapsulated pixel data holds no fragments');
  if (pixels.basicOffsetTable && pixels.basicOffsetTable.length > 0) {
    return dicomParser.readEncapsulatedImageFrame(ds, pixels, frameIndex) as Uint8Array;
  }
  if (frames === 1) {
    return dicomParser.readEncapsulatedPixelDataFromFragments(
      ds,
      pixels,
      0,
      fragments.length,
    ) as Uint8Array;
  }
  if (fragments.length === frames) {
    return dicomParser.readEncapsulatedPixelDataFromFragments(
      ds,
      pixels,
      frameIndex,
      1,
    ) as Uint8Array;
  }
  const starts = frameStarts(ds, fragments);
  if (frameIndex >= starts.length) {
    throw new Error(`frame ${frameIndex + 1} is not in the pixel data (it holds ${starts.length})`);
  }
  const first = starts[frameIndex];
  const end = frameIndex + 1 < starts.length ? starts[frameIndex + 1] : fragments.length;
  return dicomParser.readEncapsulatedPixelDataFromFragments(
    ds,
    pixels,
    first,
    end - first,
  ) as Uint8Array;
}

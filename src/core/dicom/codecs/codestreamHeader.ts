// What a compressed frame says about itself, read from its own markers before any decoder
// runs: which codec wrote it (JPEG SOF, JPEG-LS SOF55, JPEG 2000 SIZ, a JP2 box, an RLE
// header) and the size of the image, so a frame that is not what the transfer syntax says, or
// not the size the header says, is found without allocating its pixels.

/** The codec families Consilium decodes; RLE has no magic, only a plausible header. */
export type CodestreamKind = 'jpeg-dct' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg2000' | 'rle';

export interface CodestreamHeader {
  kind: CodestreamKind;
  /** Image size and components as the codestream states them; 0 when it does not say. */
  width: number;
  height: number;
  components: number;
}

/** Names for messages. */
export const codestreamNames: Record<CodestreamKind, string> = {
  'jpeg-dct': 'JPEG (DCT)',
  'jpeg-lossless': 'JPEG Lossless',
  'jpeg-ls': 'JPEG-LS',
  jpeg2000: 'JPEG 2000',
  rle: 'RLE',
};

function u16(b: Uint8Array, at: number): number {
  return (b[at] << 8) | b[at + 1];
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
}

/** SOFn (C0–CF less DHT C4, JPG C8, DAC CC) or JPEG-LS SOF55 (F7): which family it starts. */
function frameKind(marker: number): CodestreamKind | undefined {
  if (marker === 0xf7) return 'jpeg-ls';
  if (marker < 0xc0 || marker > 0xcf || marker === 0xc4 || marker === 0xc8 || marker === 0xcc)
    return undefined;
  // Lossless processes: C3, and the differential/arithmetic lossless C7, CB, CF.
  return (marker & 3) === 3 ? 'jpeg-lossless' : 'jpeg-dct';
}

/**
 * Walks JPEG marker segments up to the frame header; undefined when there is none before the
 * first scan. Bytes between segments are skipped up to the next FF, as libjpeg does.
 */
function jpegHeader(b: Uint8Array): CodestreamHeader | undefined {
  let pos = 2;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) {
      pos++;
      continue;
    }
    const marker = b[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan or end before any frame
    const kind = frameKind(marker);
    if (kind) {
      if (pos + 10 > b.length) return { kind, width: 0, height: 0, components: 0 };
      return { kind, height: u16(b, pos + 5), width: u16(b, pos + 7), components: b[pos + 9] };
    }
    pos += 2 + u16(b, pos + 2);
  }
  return undefined;
}

/** JPEG 2000 codestream: SOC then SIZ, whose image area is Xsiz−XOsiz by Ysiz−YOsiz. */
function j2kHeader(b: Uint8Array, at: number): CodestreamHeader {
  const siz = at + 2;
  if (siz + 44 > b.length || u16(b, siz) !== 0xff51)
    return { kind: 'jpeg2000', width: 0, height: 0, components: 0 };
  const width = u32(b, siz + 6) - u32(b, siz + 14);
  const height = u32(b, siz + 10) - u32(b, siz + 18);
  return { kind: 'jpeg2000', width, height, components: u16(b, siz + 38) };
}

/** JP2 file format: boxes up to the contiguous codestream box ('jp2c'). */
function jp2Header(b: Uint8Array): CodestreamHeader {
  let pos = 0;
  while (pos + 8 <= b.length) {
    let size = u32(b, pos);
    const type = String.fromCharCode(b[pos + 4], b[pos + 5], b[pos + 6], b[pos + 7]);
    let body = pos + 8;
    if (size === 1 && pos + 16 <= b.length) {
      size = u32(b, pos + 8) * 2 ** 32 + u32(b, pos + 12);
      body = pos + 16;
    }
    if (type === 'jp2c') return j2kHeader(b, body);
    if (size === 0 || size < body - pos) break;
    pos += size;
  }
  return { kind: 'jpeg2000', width: 0, height: 0, components: 0 };
}

/** RLE (PS3.5 G.5): 1–15 segments, the first one right after the 64-byte header. */
function looksLikeRle(b: Uint8Array): boolean {
  if (b.length < 64) return false;
  const le = (at: number) =>
    (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
  const segments = le(0);
  return segments >= 1 && segments <= 15 && le(4) === 64;
}

/**
 * What the frame is by its own markers: its header, 'jpeg' for a JPEG stream whose frame
 * header could not be found (its own decoder may still say why), or undefined when no codec
 * Consilium has fits.
 */
export function readCodestreamHeader(b: Uint8Array): CodestreamHeader | 'jpeg' | undefined {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegHeader(b) ?? 'jpeg';
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0x4f && b[2] === 0xff && b[3] === 0x51)
    return j2kHeader(b, 0);
  if (b.length >= 12 && u32(b, 0) === 12 && u32(b, 4) === 0x6a502020) return jp2Header(b);
  if (looksLikeRle(b)) return { kind: 'rle', width: 0, height: 0, components: 0 };
  return undefined;
}

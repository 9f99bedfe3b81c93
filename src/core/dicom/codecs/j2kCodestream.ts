// The main header and tile-part structure of a JPEG 2000 / HTJ2K codestream (ITU-T T.800
// Annex A), checked before OpenJPEG or OpenJPH sees it.
// Why: OpenJPH decoding a 16 × 16 codestream whose SIZ gives a component vertical sub-sampling
// (YRsiz) other than 1 loops for minutes (a fuzzed file had bytes inserted inside SIZ, so that
// YRsiz read 121). DICOM frames hold every component at full size, so sub-sampling is refused,
// and so is anything after SIZ that is not a marker segment, a tile-part whose length points
// past the codestream, or a codestream with no tile-part.
import { DicomProblem } from '../loadError.ts';

function u16(b: Uint8Array, at: number): number {
  return (b[at] << 8) | b[at + 1];
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
}

function damaged(reason: string, params?: Record<string, number>): DicomProblem {
  return new DicomProblem(
    'decode-failed',
    `the JPEG 2000 codestream is damaged: ${reason}`,
    params,
  );
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

const SOC = 0x4f;
const SIZ = 0x51;
const COD = 0x52;
const QCD = 0x5c;
const SOT = 0x90;
const SOD = 0x93;
const EOC = 0xd9;

/** The start and end of the codestream: the frame itself, or the 'jp2c' box of a JP2 file. */
function codestreamOf(b: Uint8Array): { start: number; end: number } {
  if (b[0] === 0xff && b[1] === SOC) return { start: 0, end: b.length };
  let pos = 0;
  while (pos + 8 <= b.length) {
    let size = u32(b, pos);
    let body = pos + 8;
    if (size === 1 && pos + 16 <= b.length) {
      size = u32(b, pos + 8) * 2 ** 32 + u32(b, pos + 12);
      body = pos + 16;
    }
    const end = size === 0 ? b.length : Math.min(b.length, pos + size);
    if (u32(b, pos + 4) === 0x6a703263) return { start: body, end }; // 'jp2c'
    if (size < body - pos) break;
    pos += size;
  }
  throw damaged('the JP2 file holds no codestream box (jp2c)');
}

/** Reads SIZ; the number of tiles. */
function checkSiz(b: Uint8Array, at: number, end: number): number {
  if (at + 4 > end || b[at] !== 0xff || b[at + 1] !== SIZ) throw damaged('SIZ does not follow SOC');
  const length = u16(b, at + 2);
  const components = at + 40 <= end ? u16(b, at + 38) : 0;
  if (
    components < 1 ||
    components > 16384 ||
    length !== 38 + 3 * components ||
    at + 2 + length > end
  ) {
    throw damaged(`its SIZ segment is ${length} bytes long for ${components} components`, {
      sizLength: length,
    });
  }
  const [xsiz, ysiz, xo, yo, xt, yt, xto, yto] = [6, 10, 14, 18, 22, 26, 30, 34].map((d) =>
    u32(b, at + d),
  );
  if (
    xsiz <= xo ||
    ysiz <= yo ||
    xt === 0 ||
    yt === 0 ||
    xto > xo ||
    yto > yo ||
    xto + xt <= xo ||
    yto + yt <= yo
  )
    throw damaged(
      `its SIZ segment gives an image or tile grid that is empty or does not cover the image`,
    );
  for (let c = 0; c < components; c++) {
    const s = at + 40 + 3 * c;
    const depth = (b[s] & 0x7f) + 1;
    if (depth > 38) throw damaged(`component ${c} has ${depth} bits (38 at most)`);
    const [xr, yr] = [b[s + 1], b[s + 2]];
    if (xr !== 1 || yr !== 1) {
      throw damaged(
        `its SIZ segment sub-samples component ${c} by ${xr} × ${yr} (XRsiz × YRsiz); DICOM frames hold every component at full size`,
        { component: c, xrsiz: xr, yrsiz: yr },
      );
    }
  }
  const tiles = Math.ceil((xsiz - xto) / xt) * Math.ceil((ysiz - yto) / yt);
  if (tiles > 65535) throw damaged(`its SIZ segment makes ${tiles} tiles (65535 at most)`);
  return tiles;
}

/**
 * Walks marker segments from `pos` up to the marker `stop` (SOT for the main header, SOD for a
 * tile-part header) before `end`; the position of `stop` and the markers seen.
 */
function walkSegments(
  b: Uint8Array,
  pos: number,
  end: number,
  stop: number,
  where: string,
): { at: number; seen: Set<number> } {
  const seen = new Set<number>();
  for (;;) {
    if (pos + 2 > end)
      throw damaged(
        `${where} ends before its ${stop === SOT ? 'first tile-part (SOT)' : 'data (SOD)'}`,
      );
    if (b[pos] !== 0xff || b[pos + 1] < 0x30 || b[pos + 1] === 0xff) {
      throw damaged(
        `the bytes at ${pos} in ${where} are not a marker segment (they read ${hex(b[pos])} ${hex(b[pos + 1])})`,
        { offset: pos },
      );
    }
    const marker = b[pos + 1];
    if (marker === stop) return { at: pos, seen };
    if (marker === SOC || marker === SIZ || marker === SOT || marker === SOD || marker === EOC)
      throw damaged(`${where} has marker FF${hex(marker)} at byte ${pos}, out of place`, {
        offset: pos,
      });
    if (marker < 0x40) {
      pos += 2; // FF30–FF3F stand alone
      continue;
    }
    const length = pos + 4 <= end ? u16(b, pos + 2) : 0;
    if (length < 2 || pos + 2 + length > end) {
      throw damaged(
        `the marker segment FF${hex(marker)} at byte ${pos} says it is ${length} bytes long, past ${where}'s end`,
        {
          offset: pos,
        },
      );
    }
    seen.add(marker);
    pos += 2 + length;
  }
}

/**
 * Refuses a JPEG 2000 or HTJ2K frame (raw codestream or JP2) whose structure is not: SOC, SIZ
 * without sub-sampling, main-header marker segments with COD and QCD, then tile-parts (SOT with
 * a length inside the codestream and a tile index inside the grid, header segments, SOD), then
 * EOC or the end. Throws DicomProblem('decode-failed').
 */
export function checkJ2kCodestream(frame: Uint8Array): void {
  const { start, end } = codestreamOf(frame);
  if (start + 2 > end || frame[start] !== 0xff || frame[start + 1] !== SOC)
    throw damaged('it does not start with SOC (FF4F)');
  const tiles = checkSiz(frame, start + 2, end);
  const sizEnd = start + 4 + u16(frame, start + 4);
  const main = walkSegments(frame, sizEnd, end, SOT, 'the main header');
  if (!main.seen.has(COD) || !main.seen.has(QCD))
    throw damaged('its main header lacks a COD or a QCD segment');
  let pos = main.at;
  let parts = 0;
  while (pos + 2 <= end && frame[pos] === 0xff && frame[pos + 1] === SOT) {
    if (pos + 12 > end || u16(frame, pos + 2) !== 10)
      throw damaged(`the tile-part header (SOT) at byte ${pos} is damaged`, { offset: pos });
    const tile = u16(frame, pos + 4);
    const length = u32(frame, pos + 6);
    if (tile >= tiles)
      throw damaged(`tile-part ${parts + 1} is for tile ${tile}, but the image has ${tiles}`, {
        tile,
        tiles,
      });
    if (length !== 0 && (length < 14 || pos + length > end)) {
      throw damaged(
        `tile-part ${parts + 1} at byte ${pos} says it is ${length} bytes long, but ${end - pos} remain`,
        { offset: pos, tilePartLength: length },
      );
    }
    const partEnd = length === 0 ? end : pos + length;
    walkSegments(frame, pos + 12, partEnd, SOD, `tile-part ${parts + 1}`);
    parts++;
    if (length === 0) return; // the last tile-part runs to EOC
    pos = partEnd;
  }
  if (parts === 0) throw damaged('it has no tile-part');
  const atEoc = pos + 2 <= end && frame[pos] === 0xff && frame[pos + 1] === EOC;
  // After the last tile-part: EOC, or nothing but padding (some writers leave EOC out).
  if (!atEoc && frame.subarray(pos, end).some((v) => v !== 0)) {
    throw damaged(
      `the bytes at ${pos}, after tile-part ${parts}, are neither another tile-part (SOT) nor the end (EOC)`,
      { offset: pos },
    );
  }
}

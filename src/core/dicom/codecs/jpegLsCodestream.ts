// The marker structure of a JPEG-LS codestream (ITU-T T.87), checked before CharLS sees it.
// Why: CharLS decoding a damaged scan whose data runs to the end of the buffer, with no
// marker after it, spins in its bit reader for ~30 s before it throws (the same damage with the
// EOI marker in place fails in 0.2 s). So every scan must end at a marker, the image at EOI,
// and the frame and scan headers must describe the image the DICOM header does.
import { DicomProblem } from '../loadError.ts';
import type { CodecImageInfo } from './codecFrame.ts';

function u16(b: Uint8Array, at: number): number {
  return (b[at] << 8) | b[at + 1];
}

function damaged(reason: string, params?: Record<string, number>): DicomProblem {
  return new DicomProblem('decode-failed', `the JPEG-LS codestream is damaged: ${reason}`, params);
}

interface Frame {
  precision: number;
  components: number[];
}

function readFrame(b: Uint8Array, at: number, length: number, info: CodecImageInfo): Frame {
  const count = b[at + 7];
  if (length !== 8 + 3 * count)
    throw damaged(`its frame header (SOF55) is ${length} bytes long for ${count} components`);
  const precision = b[at + 2];
  if (precision < 2 || precision > 16)
    throw damaged(
      `its frame header gives a sample precision of ${precision} bits (2 to 16 are possible)`,
    );
  const rows = u16(b, at + 3);
  const columns = u16(b, at + 5);
  if (rows !== info.rows || columns !== info.columns || count !== info.samplesPerPixel) {
    throw new DicomProblem(
      'codestream-mismatch',
      `the JPEG-LS codestream holds ${columns} × ${rows} pixels of ${count} components, but the header says ${info.columns} × ${info.rows} × ${info.samplesPerPixel}`,
      { codestreamColumns: columns, codestreamRows: rows, codestreamComponents: count },
    );
  }
  const components: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = b[at + 8 + 3 * i];
    if (components.includes(id)) throw damaged(`its frame header names component ${id} twice`);
    components.push(id);
  }
  return { precision, components };
}

/**
 * The end of the scan data that starts at `from`: the first FF followed by a byte of 80 or more
 * (T.87 bit stuffing puts a 0 bit after every FF inside the data), restart markers excepted.
 * -1 when the data runs to the end of the frame.
 */
function scanEnd(b: Uint8Array, from: number): number {
  for (let i = from; i + 1 < b.length; i++) {
    if (b[i] !== 0xff || b[i + 1] < 0x80) continue;
    if (b[i + 1] >= 0xd0 && b[i + 1] <= 0xd7) {
      i++; // RSTn: the scan goes on after it
      continue;
    }
    if (b[i + 1] === 0xff) continue; // a fill byte before the marker
    return i;
  }
  return -1;
}

/** The most bytes one scan can take: LIMIT bits a sample (T.87 A.2.1), plus bit stuffing. */
function maxScanBytes(samples: number, precision: number): number {
  const bpp = Math.max(2, precision);
  const limit = 2 * (bpp + Math.max(8, bpp));
  return Math.ceil(((samples * limit) / 8) * (8 / 7)) + 64;
}

/**
 * Refuses a JPEG-LS frame whose markers do not make one whole image of the header's size: SOI,
 * one SOF55 matching rows, columns and samples per pixel, scans (SOS) over its components,
 * each scan's data ending at a marker and no longer than the samples it codes can take, EOI.
 * Throws DicomProblem ('decode-failed', or 'codestream-mismatch' for another image size).
 */
export function checkJpegLsCodestream(b: Uint8Array, info: CodecImageInfo): void {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8)
    throw damaged('it does not start with SOI (FFD8)');
  let frame: Frame | undefined;
  const scanned = new Set<number>();
  let pos = 2;
  for (;;) {
    if (pos + 2 > b.length)
      throw damaged('it ends before its end-of-image marker (EOI, FFD9): the frame is cut short');
    if (b[pos] !== 0xff)
      throw damaged(
        `byte ${pos} is not a marker (it reads ${b[pos].toString(16).padStart(2, '0')})`,
        { offset: pos },
      );
    const marker = b[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd9) break;
    if (pos + 4 > b.length)
      throw damaged(`the marker segment at byte ${pos} is cut short`, { offset: pos });
    const length = u16(b, pos + 2);
    if (length < 2 || pos + 2 + length > b.length) {
      throw damaged(
        `the marker segment at byte ${pos} says it is ${length} bytes long, past the frame's ${b.length}`,
        {
          offset: pos,
        },
      );
    }
    if (marker === 0xf7) {
      if (frame) throw damaged('it has a second frame header (SOF55)');
      frame = readFrame(b, pos + 2, length, info);
    } else if (marker === 0xda) {
      if (!frame) throw damaged('a scan (SOS) comes before the frame header (SOF55)');
      pos = checkScan(b, pos, length, frame, info, scanned);
      continue;
    }
    pos += 2 + length;
  }
  if (!frame) throw damaged('it has no frame header (SOF55)');
  const missing = frame.components.filter((c) => !scanned.has(c));
  if (missing.length > 0) throw damaged(`no scan codes component ${missing.join(', ')}`);
}

/** Checks one SOS header and its data; the position after the data. */
function checkScan(
  b: Uint8Array,
  pos: number,
  length: number,
  frame: Frame,
  info: CodecImageInfo,
  scanned: Set<number>,
): number {
  const count = b[pos + 4];
  if (count < 1 || count > frame.components.length || length !== 6 + 2 * count)
    throw damaged(
      `the scan header at byte ${pos} is ${length} bytes long for ${count} components`,
      { offset: pos },
    );
  for (let i = 0; i < count; i++) {
    const id = b[pos + 5 + 2 * i];
    if (!frame.components.includes(id))
      throw damaged(
        `the scan at byte ${pos} codes component ${id}, which the frame header does not have`,
        { offset: pos },
      );
    if (scanned.has(id)) throw damaged(`component ${id} is coded by two scans`);
    scanned.add(id);
  }
  const interleave = b[pos + 2 + length - 2];
  if (interleave > 2 || (interleave === 0 && count !== 1))
    throw damaged(
      `the scan at byte ${pos} has interleave mode ${interleave} for ${count} components`,
      { offset: pos },
    );
  const data = pos + 2 + length;
  const end = scanEnd(b, data);
  if (end < 0) {
    throw damaged(
      `the scan data from byte ${data} runs to the end of the frame with no marker after it (no EOI, FFD9): the frame is cut short or its data is damaged`,
      { offset: data },
    );
  }
  const bytes = end - data;
  const most = maxScanBytes(info.rows * info.columns * count, frame.precision);
  if (bytes > most || bytes < Math.ceil(info.rows / 8)) {
    throw damaged(
      `the scan at byte ${pos} holds ${bytes} bytes of data, where ${info.columns} × ${info.rows} × ${count} samples take between ${Math.ceil(info.rows / 8)} and ${most}`,
      { offset: pos, scanBytes: bytes },
    );
  }
  return end;
}

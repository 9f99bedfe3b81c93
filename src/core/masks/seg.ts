// Reading a DICOM Segmentation (SEG): its segments, and for each frame the segment it belongs to
// and the plane it lies in (Per-frame Functional Groups, else Shared). The pixels stay in the
// file's bytes and are decoded frame by frame when a mask is made.
import { decimals, items, text } from '../dicom/dataSetValues.ts';
import type { DataSet } from '../dicom/dicomParserTypes.ts';
import { parseInstance } from '../dicom/parse.ts';
import type { InstanceMeta, Vec3 } from '../dicom/types.ts';
import { ProblemError } from '../result.ts';
import { readMaskDataSet } from './readMaskDataSet.ts';

export const segmentationStorage = '1.2.840.10008.5.1.4.1.1.66.4';

export interface SegFrame {
  segment: number;
  /** Image Position (Patient) of the frame's first pixel, or null when the file gives none. */
  position: Vec3 | null;
  rowDirection: Vec3 | null;
  columnDirection: Vec3 | null;
  /** x (between columns) and y (between rows) spacing, mm. */
  spacingMm: [number, number] | null;
}

export interface SegSegment {
  number: number;
  label: string;
}

export interface Seg {
  kind: 'seg';
  file: string;
  frameOfReferenceUID: string;
  referencedSeriesUIDs: string[];
  fractional: boolean;
  /** Maximum Fractional Value: a stored value of this much means fully inside. */
  maxFractional: number;
  segments: SegSegment[];
  frames: SegFrame[];
  /** The header facts decoding needs (rows, columns, bits, where the pixels are). */
  meta: InstanceMeta;
  bytes: Uint8Array;
}

/** The item of a functional group macro for one frame: per-frame first, then shared. */
function macro(perFrame: DataSet | undefined, shared: DataSet | undefined, tag: string) {
  return (perFrame && items(perFrame, tag)[0]) ?? (shared && items(shared, tag)[0]);
}

function finite(values: number[], n: number): number[] | null {
  return values.length >= n && values.slice(0, n).every(Number.isFinite)
    ? values.slice(0, n)
    : null;
}

function frameOf(perFrame: DataSet | undefined, shared: DataSet | undefined): SegFrame {
  const ident = macro(perFrame, shared, 'x0062000a');
  const segment = ident?.uint16('x0062000b') ?? 1;
  const pos = macro(perFrame, shared, 'x00209113');
  const orient = macro(perFrame, shared, 'x00209116');
  const measures = macro(perFrame, shared, 'x00289110');
  const p = pos && finite(decimals(pos, 'x00200032'), 3);
  const o = orient && finite(decimals(orient, 'x00200037'), 6);
  const s = measures && finite(decimals(measures, 'x00280030'), 2);
  return {
    segment,
    position: p ? [p[0], p[1], p[2]] : null,
    rowDirection: o ? [o[0], o[1], o[2]] : null,
    columnDirection: o ? [o[3], o[4], o[5]] : null,
    // Pixel Spacing is row spacing (y) then column spacing (x).
    spacingMm: s && s[0] > 0 && s[1] > 0 ? [s[1], s[0]] : null,
  };
}

function invalid(file: string, reason: string): ProblemError {
  return new ProblemError('invalid-seg', `${file}: ${reason}`, { file });
}

/** The segments and frames of a SEG; throws ProblemError 'invalid-seg' if it cannot be used. */
export function parseSeg(bytes: Uint8Array, file: string): Seg {
  return segFromDataSet(readMaskDataSet(bytes, file, 'invalid-seg', 'segmentation'), bytes, file);
}

/** As parseSeg, from its data set already read; `bytes` are the file's, for its pixels. */
export function segFromDataSet(ds: DataSet, bytes: Uint8Array, file: string): Seg {
  const parsed = parseInstance(bytes, file);
  if (!parsed.ok) throw invalid(file, parsed.error.reason);
  const meta = parsed.meta;
  const type = text(ds, 'x00620001').toUpperCase();
  if (type !== 'BINARY' && type !== 'FRACTIONAL')
    throw invalid(file, `its Segmentation Type is "${type}", not BINARY or FRACTIONAL`);
  const fractional = type === 'FRACTIONAL';
  const maxFractional = fractional ? (ds.uint16('x0062000e') ?? 0) : 1;
  if (fractional && !(maxFractional > 0))
    throw invalid(file, 'a fractional segmentation needs a Maximum Fractional Value above 0');
  if (
    meta.samplesPerPixel !== 1 ||
    (!fractional && meta.bitsAllocated !== 1 && meta.bitsAllocated !== 8)
  )
    throw invalid(
      file,
      `its pixels (${meta.bitsAllocated} bits, ${meta.samplesPerPixel} samples) are not a segmentation's`,
    );
  const segments: SegSegment[] = items(ds, 'x00620002').map((s) => {
    const number = s.uint16('x00620004') ?? 0;
    return { number, label: text(s, 'x00620005') || `Segment ${number}` };
  });
  if (segments.length === 0) throw invalid(file, 'it lists no segments (Segment Sequence)');
  const [shared] = items(ds, 'x52009229');
  const perFrame = items(ds, 'x52009230');
  // Frames are as many as Number of Frames says; a file may carry extra per-frame items.
  if (perFrame.length > 0 && perFrame.length < meta.frames)
    throw invalid(
      file,
      `it has ${meta.frames} frames but per-frame groups for only ${perFrame.length}`,
    );
  const frames: SegFrame[] = [];
  for (let f = 0; f < meta.frames; f++) frames.push(frameOf(perFrame[f], shared));
  const referencedSeriesUIDs = items(ds, 'x00081115')
    .map((s) => text(s, 'x0020000e'))
    .filter((uid) => uid !== '');
  return {
    kind: 'seg',
    file,
    frameOfReferenceUID: text(ds, 'x00200052'),
    referencedSeriesUIDs,
    fractional,
    maxFractional,
    segments,
    frames,
    meta,
    bytes,
  };
}

// Reading a DICOM RT Structure Set: its structures (Structure Set ROI Sequence) and their
// planar contours (ROI Contour Sequence), in patient coordinates, as written.
import { items, text } from '../dicom/dataSetValues.ts';
import type { DataSet } from '../dicom/dicomParserTypes.ts';
import { ProblemError } from '../result.ts';
import { readMaskDataSet } from './readMaskDataSet.ts';

export const rtStructureSetStorage = '1.2.840.10008.5.1.4.1.1.481.3';

export interface RtContour {
  /** Contour Geometric Type: CLOSED_PLANAR, POINT, OPEN_PLANAR, OPEN_NONPLANAR, … */
  type: string;
  /** x, y, z of each point, patient coordinates (mm). */
  points: Float64Array;
}

export interface RtStructure {
  number: number;
  name: string;
  frameOfReferenceUID: string;
  contours: RtContour[];
  /** Why the structure's contours cannot be read (bad Contour Data), if they cannot. */
  problem?: string;
}

export interface RtStruct {
  kind: 'rtstruct';
  file: string;
  frameOfReferenceUID: string;
  /** Series the structure set says it was drawn on. */
  referencedSeriesUIDs: string[];
  structures: RtStructure[];
}

/** Contour Data (3006,0050): x\y\z triples of decimal strings, every one a finite number. */
function contourPoints(item: DataSet): Float64Array | string {
  const raw = text(item, 'x30060050');
  if (raw === '') return 'a contour has no Contour Data';
  const parts = raw.split('\\');
  if (parts.length % 3 !== 0)
    return `a contour's Contour Data holds ${parts.length} numbers, not x, y, z triples`;
  const points = new Float64Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i].trim();
    const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
    if (!Number.isFinite(v)) return `a contour's Contour Data holds "${s}", which is not a number`;
    points[i] = v;
  }
  return points;
}

function intValue(ds: DataSet, tag: string): number | null {
  const s = text(ds, tag).split('\\')[0];
  return /^[+-]?\d+$/.test(s) ? Number.parseInt(s, 10) : null;
}

function referencedSeries(ds: DataSet): { uids: string[]; frameOfReference: string } {
  const uids: string[] = [];
  let frameOfReference = '';
  for (const ref of items(ds, 'x30060010')) {
    frameOfReference ||= text(ref, 'x00200052');
    for (const study of items(ref, 'x30060012'))
      for (const series of items(study, 'x30060014')) {
        const uid = text(series, 'x0020000e');
        if (uid) uids.push(uid);
      }
  }
  return { uids, frameOfReference };
}

/** The structures of an RT Structure Set; throws ProblemError 'invalid-rtstruct' if unreadable. */
export function parseRtStruct(bytes: Uint8Array, file: string): RtStruct {
  return rtStructFromDataSet(
    readMaskDataSet(bytes, file, 'invalid-rtstruct', 'RT Structure Set'),
    file,
  );
}

export function rtStructFromDataSet(ds: DataSet, file: string): RtStruct {
  const { uids, frameOfReference } = referencedSeries(ds);
  const setFrame = frameOfReference || text(ds, 'x00200052');
  const byNumber = new Map<number, RtStructure>();
  const structures: RtStructure[] = [];
  for (const roi of items(ds, 'x30060020')) {
    const number = intValue(roi, 'x30060022');
    if (number === null || byNumber.has(number)) continue;
    const s: RtStructure = {
      number,
      name: text(roi, 'x30060026') || `ROI ${number}`,
      frameOfReferenceUID: text(roi, 'x30060024') || setFrame,
      contours: [],
    };
    byNumber.set(number, s);
    structures.push(s);
  }
  for (const roiContour of items(ds, 'x30060039')) {
    const number = intValue(roiContour, 'x30060084');
    if (number === null) continue;
    let s = byNumber.get(number);
    if (!s) {
      // Contours for an ROI the set does not list: still a structure, by its number.
      s = { number, name: `ROI ${number}`, frameOfReferenceUID: setFrame, contours: [] };
      byNumber.set(number, s);
      structures.push(s);
    }
    for (const c of items(roiContour, 'x30060040')) {
      const points = contourPoints(c);
      if (typeof points === 'string') {
        s.problem ??= points;
        continue;
      }
      s.contours.push({ type: text(c, 'x30060042').toUpperCase(), points });
    }
  }
  if (structures.length === 0) {
    throw new ProblemError('invalid-rtstruct', `${file}: the structure set lists no structures`, {
      file,
    });
  }
  return {
    kind: 'rtstruct',
    file,
    frameOfReferenceUID: setFrame,
    referencedSeriesUIDs: uids,
    structures,
  };
}

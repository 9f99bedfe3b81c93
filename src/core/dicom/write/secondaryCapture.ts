// A derived image (an edge map, a filter's response map) as DICOM, so it can sit beside its
// source in a PACS: a Multi-frame Grayscale Word Secondary Capture in the source's study, one
// frame per slice, its float values stored as 16-bit integers with the rescale that gives them
// back (to within half a step of (max - min) / 65535). Written by dcmjs.
import type { DcmjsDataset } from 'dcmjs';
import { newUid } from '../demo/uid.ts';
import { ProblemError } from '../../result.ts';
import { writePart10 } from './part10File.ts';

export const MULTIFRAME_GRAYSCALE_WORD_SC = '1.2.840.10008.5.1.4.1.1.7.3';
const SLICE_LOCATION_VECTOR = 0x00182005;

export interface DerivedImageSource {
  readonly patientName: string;
  readonly patientID: string;
  readonly studyInstanceUID: string;
  readonly studyDate: string;
}

export interface DerivedImage {
  /** Columns, rows, slices. */
  readonly dims: readonly [number, number, number];
  /** x fastest, then y, then slice, as ImageVolume holds them. */
  readonly values: Float32Array;
  /** Where each slice lies along the stack's normal, in mm (the Slice Location Vector). */
  readonly sliceLocationsMm: readonly number[];
  /** What it is, e.g. "LoG sigma=3 mm": the series description. */
  readonly description: string;
  readonly source: DerivedImageSource;
  readonly seriesInstanceUid?: string;
  readonly sopInstanceUid?: string;
  /** ISO 8601 UTC time: the content date and time; defaults to now. */
  readonly createdAt?: string;
  /** The images it was derived from (Source Image Sequence), so a viewer can link them. */
  readonly sourceImages?: readonly { sopClassUid: string; sopInstanceUid: string }[];
  /** More attributes, e.g. the de-identification record of a pseudonymised map. */
  readonly extra?: DcmjsDataset;
}

const s = (value: string | number) => [String(value)];

/** Source Image Sequence items, each with its purpose (DCM 121322: source of image processing). */
function sourceImageSequence(images: NonNullable<DerivedImage['sourceImages']>) {
  return {
    vr: 'SQ',
    Value: images.map((im) => ({
      '00081150': { vr: 'UI', Value: [im.sopClassUid] },
      '00081155': { vr: 'UI', Value: [im.sopInstanceUid] },
      '0040A170': {
        vr: 'SQ',
        Value: [
          {
            '00080100': { vr: 'SH', Value: ['121322'] },
            '00080102': { vr: 'SH', Value: ['DCM'] },
            '00080104': { vr: 'LO', Value: ['Source image for image processing operation'] },
          },
        ],
      },
    })),
  };
}

/** The derived image as Part 10 bytes. */
export function secondaryCapture(image: DerivedImage): Uint8Array {
  const [columns, rows, frames] = image.dims;
  if (columns < 1 || rows < 1 || frames < 1 || image.values.length !== columns * rows * frames)
    throw new ProblemError(
      'bad-derived-image',
      `the image's ${image.values.length} values do not fill ${columns} × ${rows} × ${frames}`,
      {},
    );
  if (image.sliceLocationsMm.length !== frames)
    throw new ProblemError('bad-derived-image', 'there must be one slice location per slice', {});
  let min = Infinity;
  let max = -Infinity;
  for (const v of image.values) {
    if (!Number.isFinite(v))
      throw new ProblemError('bad-derived-image', 'the image holds a value that is not finite', {});
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const slope = max > min ? (max - min) / 65535 : 1;
  const stored = new Uint16Array(image.values.length);
  for (let i = 0; i < stored.length; i++) stored[i] = Math.round((image.values[i] - min) / slope);
  const created = (image.createdAt ?? new Date().toISOString()).replace(/[-:]/g, '');
  const sop = image.sopInstanceUid ?? newUid();
  // Decimal strings hold at most 16 characters.
  const ds = (x: number) => Number(x.toPrecision(10)).toString();
  const dataset: DcmjsDataset = {
    '00080005': { vr: 'CS', Value: ['ISO_IR 192'] },
    '00080008': { vr: 'CS', Value: ['DERIVED', 'SECONDARY'] },
    '00080016': { vr: 'UI', Value: [MULTIFRAME_GRAYSCALE_WORD_SC] },
    '00080018': { vr: 'UI', Value: [sop] },
    '00080020': { vr: 'DA', Value: image.source.studyDate ? [image.source.studyDate] : [] },
    '00080023': { vr: 'DA', Value: [created.slice(0, 8)] },
    '00080030': { vr: 'TM', Value: [] },
    '00080033': { vr: 'TM', Value: [created.slice(9, 15)] },
    '00080050': { vr: 'SH', Value: [] },
    '00080060': { vr: 'CS', Value: ['OT'] },
    '00080064': { vr: 'CS', Value: ['WSD'] },
    '00080070': { vr: 'LO', Value: ['Consilium project'] },
    '00080090': { vr: 'PN', Value: [] },
    '0008103E': { vr: 'LO', Value: [image.description.slice(0, 64)] },
    '00100010': { vr: 'PN', Value: image.source.patientName ? [image.source.patientName] : [] },
    '00100020': { vr: 'LO', Value: image.source.patientID ? [image.source.patientID] : [] },
    '00100030': { vr: 'DA', Value: [] },
    '00100040': { vr: 'CS', Value: [] },
    '00182005': { vr: 'DS', Value: image.sliceLocationsMm.map(ds) },
    '0020000D': { vr: 'UI', Value: [image.source.studyInstanceUID] },
    '0020000E': { vr: 'UI', Value: [image.seriesInstanceUid ?? newUid()] },
    '00200010': { vr: 'SH', Value: [] },
    '00200011': { vr: 'IS', Value: s(9001) },
    '00200013': { vr: 'IS', Value: s(1) },
    '00200020': { vr: 'CS', Value: [] },
    // General Series' Laterality is 2C; a derived map of a whole series has none to give.
    '00200060': { vr: 'CS', Value: [] },
    '00280002': { vr: 'US', Value: [1] },
    '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
    '00280008': { vr: 'IS', Value: s(frames) },
    '00280009': { vr: 'AT', Value: [SLICE_LOCATION_VECTOR] },
    '00280010': { vr: 'US', Value: [rows] },
    '00280011': { vr: 'US', Value: [columns] },
    '00280100': { vr: 'US', Value: [16] },
    '00280101': { vr: 'US', Value: [16] },
    '00280102': { vr: 'US', Value: [15] },
    '00280103': { vr: 'US', Value: [0] },
    '00280301': { vr: 'CS', Value: ['NO'] },
    '00281050': { vr: 'DS', Value: [ds((min + max) / 2)] },
    '00281051': { vr: 'DS', Value: [ds(Math.max(max - min, 1e-6))] },
    '00281052': { vr: 'DS', Value: [ds(min)] },
    '00281053': { vr: 'DS', Value: [ds(slope)] },
    '00281054': { vr: 'LO', Value: ['US'] },
    '20500020': { vr: 'CS', Value: ['IDENTITY'] },
    ...(image.sourceImages?.length ? { '00082112': sourceImageSequence(image.sourceImages) } : {}),
    ...image.extra,
    '7FE00010': { vr: 'OW', Value: [stored.buffer] },
  };
  return writePart10(dataset, { sopClassUid: MULTIFRAME_GRAYSCALE_WORD_SC, sopInstanceUid: sop });
}

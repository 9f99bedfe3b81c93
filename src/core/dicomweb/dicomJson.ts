// The DICOM JSON model (PS3.18 F.2) as QIDO-RS and WADO-RS metadata return it, and the few
// reads the client needs from it. Parsed at the edge: anything that is not an object of
// {vr, Value|InlineBinary|BulkDataURI} elements is refused as a bad response.

export interface JsonElement {
  readonly vr: string;
  readonly Value?: readonly unknown[];
  readonly InlineBinary?: string;
  readonly BulkDataURI?: string;
}

export type JsonDataSet = Readonly<Record<string, JsonElement>>;

function isElement(v: unknown): v is JsonElement {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.vr === 'string' &&
    (e.Value === undefined || Array.isArray(e.Value)) &&
    (e.InlineBinary === undefined || typeof e.InlineBinary === 'string') &&
    (e.BulkDataURI === undefined || typeof e.BulkDataURI === 'string')
  );
}

/** Whether `v` is a data set: tags as 8 hex digits, each an element (sequences checked too). */
export function isDataSet(v: unknown, depth = 0): v is JsonDataSet {
  if (!v || typeof v !== 'object' || Array.isArray(v) || depth > 32) return false;
  for (const [tag, el] of Object.entries(v)) {
    if (!/^[0-9A-Fa-f]{8}$/.test(tag) || !isElement(el)) return false;
    if (el.vr === 'SQ' && el.Value && !el.Value.every((item) => isDataSet(item, depth + 1)))
      return false;
  }
  return true;
}

/** A JSON array of data sets, or undefined. */
export function dataSetsOf(json: unknown): JsonDataSet[] | undefined {
  return Array.isArray(json) && json.every((d) => isDataSet(d)) ? json : undefined;
}

function element(ds: JsonDataSet, tag: string): JsonElement | undefined {
  return ds[tag] ?? ds[tag.toLowerCase()];
}

/** The first value as text ('' if absent); a person name gives its alphabetic form. */
export function textOf(ds: JsonDataSet, tag: string): string {
  const v = element(ds, tag)?.Value?.[0];
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') {
    const name = (v as { Alphabetic?: unknown }).Alphabetic;
    return typeof name === 'string' ? name : '';
  }
  return String(v);
}

/** Every value as text. */
export function textsOf(ds: JsonDataSet, tag: string): string[] {
  return (element(ds, tag)?.Value ?? []).map((v) => (typeof v === 'object' ? '' : String(v)));
}

/** The first value as a number, or undefined. */
export function numberOf(ds: JsonDataSet, tag: string): number | undefined {
  const v = element(ds, tag)?.Value?.[0];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export const tags = {
  studyDate: '00080020',
  studyTime: '00080030',
  accessionNumber: '00080050',
  modality: '00080060',
  modalitiesInStudy: '00080061',
  studyDescription: '00081030',
  seriesDescription: '0008103E',
  retrieveUrl: '00081190',
  sopClassUid: '00080016',
  sopInstanceUid: '00080018',
  patientName: '00100010',
  patientId: '00100020',
  studyInstanceUid: '0020000D',
  seriesInstanceUid: '0020000E',
  seriesNumber: '00200011',
  instanceNumber: '00200013',
  imagePosition: '00200032',
  imageOrientation: '00200037',
  seriesInStudy: '00201206',
  instancesInStudy: '00201208',
  instancesInSeries: '00201209',
  numberOfFrames: '00280008',
  rows: '00280010',
  columns: '00280011',
  bitsAllocated: '00280100',
  pixelData: '7FE00010',
} as const;

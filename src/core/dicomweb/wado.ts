// WADO-RS: a series' metadata, and an instance's frames in the transfer syntax the PACS stored
// them in (`transfer-syntax=*`), so compressed frames arrive as stored and are decoded by our
// own codecs (a PACS that must transcode, e.g. Orthanc for JPEG 2000, answers 500 otherwise).
import { ExplicitVRLittleEndian } from '../dicom/transferSyntax.ts';
import type { JsonDataSet } from './dicomJson.ts';
import {
  badResponse,
  request,
  requestStream,
  type DicomwebClient,
  type SignalLike,
} from './http.ts';
import { getDataSets } from './json.ts';
import { transferSyntaxOf } from './mediaType.ts';
import { defaultMultipartLimits, parseMultipart } from './multipart.ts';
import { MultipartFormatError, streamMultipart, type StreamedPart } from './multipartStream.ts';
import { part10Meta } from './part10Meta.ts';

export interface SeriesRef {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
}

export interface Frames {
  readonly transferSyntaxUid: string;
  /** One per requested frame, in the order asked. */
  readonly frames: readonly Uint8Array[];
}

const e = encodeURIComponent;

export function seriesPath(ref: SeriesRef): string {
  return `/studies/${e(ref.studyInstanceUid)}/series/${e(ref.seriesInstanceUid)}`;
}

/** Every instance's metadata (DICOM JSON, bulk data as URIs). */
export function seriesMetadata(
  client: DicomwebClient,
  ref: SeriesRef,
  signal?: SignalLike,
): Promise<JsonDataSet[]> {
  return getDataSets(
    client,
    `${seriesPath(ref)}/metadata`,
    `the metadata of series ${ref.seriesInstanceUid}`,
    signal,
  );
}

export const anySyntax = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';

/** Frames `numbers` (1-based) of one instance, as stored. */
export async function instanceFrames(
  client: DicomwebClient,
  ref: SeriesRef,
  sopInstanceUid: string,
  numbers: readonly number[],
  signal?: SignalLike,
): Promise<Frames> {
  const what =
    numbers.length === 1
      ? `frame ${numbers[0]} of instance ${sopInstanceUid}`
      : `${numbers.length} frames of instance ${sopInstanceUid}`;
  const answer = await request(
    client,
    `${seriesPath(ref)}/instances/${e(sopInstanceUid)}/frames/${numbers.join(',')}`,
    what,
    { headers: { Accept: anySyntax }, signal },
  );
  const parsed = parseMultipart(answer.contentType, answer.bytes);
  if (!parsed.ok) throw badResponse(what, answer.url, parsed.reason);
  if (parsed.parts.length !== numbers.length)
    throw badResponse(
      what,
      answer.url,
      `it holds ${parsed.parts.length} frames where ${numbers.length} were asked for`,
    );
  // PS3.18 8.7.3.5: the syntax is a parameter of each part, or of the response's type; an
  // octet-stream without one is Explicit VR Little Endian.
  const whole = transferSyntaxOf(answer.contentType);
  const syntaxes = parsed.parts.map(
    (p) => transferSyntaxOf(p.headers['content-type'] ?? '') ?? whole ?? ExplicitVRLittleEndian,
  );
  if (syntaxes.some((s) => s !== syntaxes[0]))
    throw badResponse(what, answer.url, 'its frames are in different transfer syntaxes');
  return { transferSyntaxUid: syntaxes[0], frames: parsed.parts.map((p) => p.body) };
}

/** The bytes behind a BulkDataURI (a lookup table, an ICC profile). */
export async function bulkData(
  client: DicomwebClient,
  uri: string,
  signal?: SignalLike,
): Promise<Uint8Array> {
  const what = 'a bulk data element';
  // The PACS writes its own address into the URI; behind a proxy (the page's /dicom-web/<name>)
  // that address is not ours to call, so the path from /studies/ on is asked of our base URL.
  const at = uri.indexOf('/studies/');
  const path = at >= 0 ? uri.slice(at) : uri;
  const answer = await request(client, path, what, { headers: { Accept: anySyntax }, signal });
  if (!answer.contentType.toLowerCase().startsWith('multipart/')) return answer.bytes;
  const parsed = parseMultipart(answer.contentType, answer.bytes);
  if (!parsed.ok) throw badResponse(what, answer.url, parsed.reason);
  if (parsed.parts.length !== 1)
    throw badResponse(what, answer.url, `it holds ${parsed.parts.length} parts, not one`);
  return parsed.parts[0].body;
}

/**
 * The whole instance as the PACS stored it (Part 10), for the instances whose frames it will
 * not cut out (Orthanc answers 400 for some native multi-frame and YBR_FULL_422 images).
 */
export async function storedInstance(
  client: DicomwebClient,
  ref: SeriesRef,
  sopInstanceUid: string,
  signal?: SignalLike,
): Promise<Uint8Array> {
  const what = `instance ${sopInstanceUid}`;
  const answer = await request(client, `${seriesPath(ref)}/instances/${e(sopInstanceUid)}`, what, {
    headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
    signal,
  });
  const parsed = parseMultipart(answer.contentType, answer.bytes);
  if (!parsed.ok) throw badResponse(what, answer.url, parsed.reason);
  if (parsed.parts.length !== 1)
    throw badResponse(what, answer.url, `it holds ${parsed.parts.length} instances, not one`);
  return parsed.parts[0].body;
}

/**
 * Every instance of a series as the PACS stored it (Part 10), in one request: the PACS's own
 * bulk retrieval, the fastest way to a whole series (one answer instead of one per image).
 */
export async function storedSeries(
  client: DicomwebClient,
  ref: SeriesRef,
  signal?: SignalLike,
): Promise<{ file: string; bytes: Uint8Array }[]> {
  const what = `series ${ref.seriesInstanceUid}`;
  const answer = await request(client, seriesPath(ref), what, {
    headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
    signal,
  });
  const parsed = parseMultipart(answer.contentType, answer.bytes);
  if (!parsed.ok) throw badResponse(what, answer.url, parsed.reason);
  return parsed.parts.map((p, k) => ({
    file: p.headers['content-location'] || `${answer.url}/instances/${k + 1}`,
    bytes: p.body,
  }));
}

export interface StreamedInstance {
  /** The instance's WADO-RS URL (its SOP Instance UID from the file meta), else the part's. */
  readonly file: string;
  /** Undefined where the part has no file meta to read it from. */
  readonly sopInstanceUid?: string;
  /** The Part 10 bytes as received, slices of the transfer's chunks (nothing copied). */
  readonly pieces: readonly Uint8Array[];
  /** The same bytes in one array: joined (one copy) on first use where they span chunks. */
  readonly bytes: Uint8Array;
}

/** The file meta group's worth of a part's first bytes (it is a few hundred bytes). */
const META_HEAD = 4096;

/** The first `n` bytes of the pieces (fewer where they hold fewer), copying only those. */
function headOf(pieces: readonly Uint8Array[], n: number): Uint8Array {
  if (pieces.length === 0) return new Uint8Array(0);
  if (pieces[0].length >= n) return pieces[0].subarray(0, n);
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of pieces) {
    if (at >= n) break;
    const take = p.subarray(0, n - at);
    out.set(take, at);
    at += take.length;
  }
  return out.subarray(0, at);
}

function sopOf(part: StreamedPart): string | undefined {
  const head = headOf(part.pieces, META_HEAD);
  const sop = part10Meta(head).sopInstanceUid;
  // A file meta group past the head (a long private one) is read from the whole part.
  return sop ?? (head.length < part.body.length ? part10Meta(part.body).sopInstanceUid : undefined);
}

/**
 * The same bulk retrieval, each instance handed on as soon as its part is in: the first
 * instances are parsed and decoded while the rest of the series is still on the wire. With
 * `lent`, an instance's pieces and bytes are valid only until the next instance is asked for
 * (the transport may read into memory it reuses): the consumer copies what it keeps first.
 */
export async function* streamedSeries(
  client: DicomwebClient,
  ref: SeriesRef,
  signal?: SignalLike,
  { lent = false }: { lent?: boolean } = {},
): AsyncGenerator<StreamedInstance> {
  const what = `series ${ref.seriesInstanceUid}`;
  const answer = await requestStream(client, seriesPath(ref), what, {
    headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
    signal,
    lent,
  });
  const limits = { ...defaultMultipartLimits, maxBytes: client.maxResponseBytes };
  const base = `${client.server.baseUrl}${seriesPath(ref)}/instances`;
  let k = 0;
  try {
    for await (const part of streamMultipart(answer.contentType, answer.reader, limits, lent)) {
      k++;
      const sop = sopOf(part);
      yield {
        file: sop ? `${base}/${sop}` : part.headers['content-location'] || `${base}/${k}`,
        ...(sop ? { sopInstanceUid: sop } : {}),
        pieces: part.pieces,
        get bytes() {
          return part.body;
        },
      };
    }
  } catch (e) {
    if (e instanceof MultipartFormatError) throw badResponse(what, answer.url, e.reason);
    throw e;
  }
}

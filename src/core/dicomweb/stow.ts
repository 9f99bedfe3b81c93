// STOW-RS: Part 10 files (our SR) stored into a study. The PACS answers with a DICOM JSON
// response whose Failed SOP Sequence names what it refused; any refusal is a Problem.
import { ProblemError } from '../result.ts';
import { textOf, type JsonDataSet } from './dicomJson.ts';
import { request, type DicomwebClient, type SignalLike } from './http.ts';
import { boundaryCollides, writeMultipart } from './multipart.ts';

export interface Stored {
  /** The SOP Instance UIDs the PACS reports stored. */
  readonly stored: readonly string[];
  /** Where the PACS says each can be retrieved. */
  readonly retrieveUrls: readonly string[];
}

const referencedSop = '00081199';
const failedSop = '00081198';
const failureReason = '00081197';
const sopInstance = '00081155';
const retrieveUrl = '00081190';

function items(ds: JsonDataSet, tag: string): JsonDataSet[] {
  return ((ds[tag]?.Value ?? []) as JsonDataSet[]).filter((d) => d && typeof d === 'object');
}

function randomBoundary(): string {
  return `consilium-${crypto.randomUUID()}`;
}

/** Stores `files` (Part 10 bytes) into the server, into `studyInstanceUid` if given. */
export async function storeInstances(
  client: DicomwebClient,
  files: readonly Uint8Array[],
  studyInstanceUid?: string,
  signal?: SignalLike,
  /** What is stored, for messages ("storing the map"); by default the report or N instances. */
  what = files.length === 1 ? 'storing the report' : `storing ${files.length} instances`,
): Promise<Stored> {
  let boundary = randomBoundary();
  while (boundaryCollides(files, boundary)) boundary = randomBoundary();
  const body = writeMultipart(
    files.map((f) => ({ contentType: 'application/dicom', body: f })),
    boundary,
  );
  const path = studyInstanceUid ? `/studies/${encodeURIComponent(studyInstanceUid)}` : '/studies';
  const answer = await request(client, path, what, {
    method: 'POST',
    headers: {
      'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`,
      Accept: 'application/dicom+json',
    },
    body,
    signal,
  });
  let response: JsonDataSet = {};
  try {
    if (answer.bytes.length > 0) response = JSON.parse(new TextDecoder().decode(answer.bytes));
  } catch {
    // A PACS may answer 200 with no JSON body; the refusals are then unknown, not invented.
  }
  const failed = items(response, failedSop);
  if (failed.length > 0) {
    const first = failed[0];
    throw new ProblemError(
      'dicomweb-stow-refused',
      `the PACS refused ${failed.length} of ${files.length} instances (failure reason ${textOf(first, failureReason) || 'not given'})`,
      { refused: failed.length, sopInstanceUid: textOf(first, sopInstance) },
    );
  }
  const refs = items(response, referencedSop);
  return {
    stored: refs.map((r) => textOf(r, sopInstance)),
    retrieveUrls: refs.map((r) => textOf(r, retrieveUrl)),
  };
}

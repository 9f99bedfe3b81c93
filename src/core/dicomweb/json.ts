import { dataSetsOf, type JsonDataSet } from './dicomJson.ts';
import { badResponse, request, type DicomwebClient, type SignalLike } from './http.ts';

/** GET a DICOM JSON array (QIDO results, series metadata); an empty answer (204) is []. */
export async function getDataSets(
  client: DicomwebClient,
  path: string,
  what: string,
  signal?: SignalLike,
): Promise<JsonDataSet[]> {
  const answer = await request(client, path, what, {
    headers: { Accept: 'application/dicom+json' },
    signal,
  });
  if (answer.bytes.length === 0) return [];
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(answer.bytes));
  } catch {
    throw badResponse(what, answer.url, 'it is not JSON');
  }
  const sets = dataSetsOf(json);
  if (!sets) throw badResponse(what, answer.url, 'it is not a list of DICOM JSON data sets');
  return sets;
}

// QIDO-RS: find studies and their series. Searches are paged (limit/offset): the server is
// asked for one more than a page, so the caller learns whether another page exists without
// counting the whole archive.
import { numberOf, tags, textOf, textsOf, type JsonDataSet } from './dicomJson.ts';
import type { DicomwebClient, SignalLike } from './http.ts';
import { getDataSets } from './json.ts';
import { ProblemError } from '../result.ts';

/** What a person searches by; every field optional, wildcards (*) as the PACS allows. */
export interface StudyQuery {
  readonly patientName?: string;
  readonly patientId?: string;
  /** YYYYMMDD; either end may be open. */
  readonly dateFrom?: string;
  readonly dateTo?: string;
  readonly modality?: string;
  readonly accessionNumber?: string;
  readonly studyInstanceUid?: string;
  /** Further QIDO keys as given (e.g. from `--query StudyDescription=*CHEST*`). */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface Page {
  readonly offset: number;
  readonly limit: number;
}

export interface StudySummary {
  readonly studyInstanceUid: string;
  readonly patientName: string;
  readonly patientId: string;
  readonly studyDate: string;
  readonly accessionNumber: string;
  readonly description: string;
  readonly modalities: readonly string[];
  readonly seriesCount?: number;
  readonly instanceCount?: number;
}

export interface SeriesSummary {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly modality: string;
  readonly seriesNumber?: number;
  readonly description: string;
  readonly instanceCount?: number;
}

export interface Found<T> {
  readonly items: readonly T[];
  /** The offset of the next page, where there is one. */
  readonly nextOffset?: number;
}

const datePattern = /^\d{8}$/;

function checkDate(date: string | undefined, name: string): void {
  if (date !== undefined && date !== '' && !datePattern.test(date))
    throw new ProblemError(
      'dicomweb-bad-query',
      `${name} must be a date as YYYYMMDD, not "${date}"`,
      {
        [name]: date,
      },
    );
}

/** The QIDO query parameters of a search (keywords as PS3.18 names them). */
export function studyQueryParams(query: StudyQuery): Record<string, string> {
  checkDate(query.dateFrom, 'dateFrom');
  checkDate(query.dateTo, 'dateTo');
  const params: Record<string, string> = {};
  // A name as typed matches names that start with it, as people expect of a search box.
  if (query.patientName)
    params.PatientName = /[*?]/.test(query.patientName)
      ? query.patientName
      : `${query.patientName}*`;
  if (query.patientId) params.PatientID = query.patientId;
  if (query.dateFrom || query.dateTo)
    params.StudyDate = `${query.dateFrom ?? ''}-${query.dateTo ?? ''}`;
  if (query.modality) params.ModalitiesInStudy = query.modality;
  if (query.accessionNumber) params.AccessionNumber = query.accessionNumber;
  if (query.studyInstanceUid) params.StudyInstanceUID = query.studyInstanceUid;
  for (const [k, v] of Object.entries(query.extra ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9]*$|^[0-9A-Fa-f]{8}$/.test(k))
      throw new ProblemError(
        'dicomweb-bad-query',
        `"${k}" is not a DICOM keyword or tag to search by`,
        { key: k },
      );
    params[k] = v;
  }
  return params;
}

function queryString(params: Record<string, string>, page: Page): string {
  const all = { ...params, limit: String(page.limit + 1), offset: String(page.offset) };
  return Object.entries(all)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

function paged<T>(sets: JsonDataSet[], page: Page, read: (d: JsonDataSet) => T): Found<T> {
  const more = sets.length > page.limit;
  const items = sets.slice(0, page.limit).map(read);
  return more ? { items, nextOffset: page.offset + page.limit } : { items };
}

function studySummary(d: JsonDataSet): StudySummary {
  return {
    studyInstanceUid: textOf(d, tags.studyInstanceUid),
    patientName: textOf(d, tags.patientName),
    patientId: textOf(d, tags.patientId),
    studyDate: textOf(d, tags.studyDate),
    accessionNumber: textOf(d, tags.accessionNumber),
    description: textOf(d, tags.studyDescription),
    modalities: textsOf(d, tags.modalitiesInStudy).filter(Boolean),
    seriesCount: numberOf(d, tags.seriesInStudy),
    instanceCount: numberOf(d, tags.instancesInStudy),
  };
}

function seriesSummary(d: JsonDataSet): SeriesSummary {
  return {
    studyInstanceUid: textOf(d, tags.studyInstanceUid),
    seriesInstanceUid: textOf(d, tags.seriesInstanceUid),
    modality: textOf(d, tags.modality),
    seriesNumber: numberOf(d, tags.seriesNumber),
    description: textOf(d, tags.seriesDescription),
    instanceCount: numberOf(d, tags.instancesInSeries),
  };
}

const studyFields = [
  'StudyDescription',
  'ModalitiesInStudy',
  'NumberOfStudyRelatedSeries',
  'NumberOfStudyRelatedInstances',
];

/** One page of the studies matching `query`. */
export async function searchStudies(
  client: DicomwebClient,
  query: StudyQuery,
  page: Page = { offset: 0, limit: 50 },
  signal?: SignalLike,
): Promise<Found<StudySummary>> {
  const params = studyQueryParams(query);
  const fields = studyFields.map((f) => `includefield=${f}`).join('&');
  const sets = await getDataSets(
    client,
    `/studies?${queryString(params, page)}&${fields}`,
    'the study search',
    signal,
  );
  return paged(sets, page, studySummary);
}

/** One page of the series of a study. */
export async function searchSeries(
  client: DicomwebClient,
  studyInstanceUid: string,
  page: Page = { offset: 0, limit: 1000 },
  signal?: SignalLike,
): Promise<Found<SeriesSummary>> {
  const fields = 'includefield=SeriesDescription&includefield=NumberOfSeriesRelatedInstances';
  const sets = await getDataSets(
    client,
    `/studies/${encodeURIComponent(studyInstanceUid)}/series?${queryString({}, page)}&${fields}`,
    `the series list of study ${studyInstanceUid}`,
    signal,
  );
  return paged(sets, page, (d) => ({ ...seriesSummary(d), studyInstanceUid }));
}

/** Every series of a study (all pages). */
export async function allSeries(
  client: DicomwebClient,
  studyInstanceUid: string,
  signal?: SignalLike,
): Promise<SeriesSummary[]> {
  const out: SeriesSummary[] = [];
  let page: Page | undefined = { offset: 0, limit: 1000 };
  while (page) {
    const found: Found<SeriesSummary> = await searchSeries(client, studyInstanceUid, page, signal);
    out.push(...found.items);
    page = found.nextOffset === undefined ? undefined : { offset: found.nextOffset, limit: 1000 };
  }
  return out;
}

/** The SOP class and instance UIDs of a series' instances (QIDO-RS, all of them). */
export async function seriesInstances(
  client: DicomwebClient,
  studyInstanceUid: string,
  seriesInstanceUid: string,
  signal?: SignalLike,
): Promise<{ sopClassUid: string; sopInstanceUid: string; seriesInstanceUid: string }[]> {
  const sets = await getDataSets(
    client,
    `/studies/${encodeURIComponent(studyInstanceUid)}/series/${encodeURIComponent(seriesInstanceUid)}/instances`,
    `the instance list of series ${seriesInstanceUid}`,
    signal,
  );
  return sets.map((d) => ({
    sopClassUid: textOf(d, tags.sopClassUid),
    sopInstanceUid: textOf(d, tags.sopInstanceUid),
    seriesInstanceUid,
  }));
}

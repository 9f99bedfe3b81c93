// `--dicomweb URL [--study UID | --query key=value…] [--token-file F]`: studies on a PACS as
// inputs of any command that takes <files|dirs…>. Each instance comes as the same Part 10 bytes
// a local file would be (core/dicomweb/part10.ts), named by its WADO-RS URL, so every command
// reads PACS series exactly as it reads local ones.
import { dicomwebClient, type DicomwebClient } from '../../core/dicomweb/http.ts';
import { searchStudies, seriesInstances, type Page } from '../../core/dicomweb/qido.ts';
import { retrieveStudy } from '../../core/dicomweb/retrieve.ts';
import { reportsToStore, type ReportToStore } from '../../core/dicomweb/reportsToStore.ts';
import type { SourceImage } from '../../core/bundle/sr/measurementReport.ts';
import type { ReportDates } from '../../core/bundle/sr/studyReport.ts';
import { storeInstances } from '../../core/dicomweb/stow.ts';
import type { LocalFeatures, LocalPrediction } from '../../core/pipeline/types.ts';
import { problemOf, type Result } from '../../core/result.ts';
import { UsageError } from './commandArgs.ts';
import { nodeHttpTransport } from './nodeHttpTransport.ts';
import { readPassphraseFile } from './secretFile.ts';

export interface DicomwebSource {
  readonly url: string;
  readonly study?: string;
  /** QIDO keys and values, e.g. { PatientID: 'P1', StudyDate: '20240101-' }. */
  readonly query?: Readonly<Record<string, string>>;
  readonly tokenFile?: string;
  readonly timeoutMs?: number;
}

/** The parseArgs options every command that takes inputs adds. */
export const dicomwebOptions = {
  dicomweb: { type: 'string' },
  study: { type: 'string' },
  query: { type: 'string', multiple: true },
  'token-file': { type: 'string' },
} as const;

export const dicomwebUsage =
  '  --dicomweb URL       read studies from a DICOMweb server (base URL before /studies)\n' +
  '  --study UID          the study to read (else --query)\n' +
  '  --query key=value    QIDO-RS search, e.g. PatientID=123 or StudyDate=20240101-20241231\n' +
  '  --token-file F       a file holding the bearer token (or one "Header: value" line)\n';

/** The source named by parsed options, or undefined when --dicomweb is absent. */
export function dicomwebSourceOf(values: {
  dicomweb?: string;
  study?: string;
  query?: string[];
  'token-file'?: string;
}): DicomwebSource | undefined {
  if (values.dicomweb === undefined) {
    if (values.study || values.query?.length || values['token-file'])
      throw new UsageError('--study, --query and --token-file need --dicomweb URL');
    return undefined;
  }
  if (!/^https?:\/\/[^\s]+$/.test(values.dicomweb))
    throw new UsageError(`--dicomweb needs an http(s) URL, not "${values.dicomweb}"`);
  if (values.study && values.query?.length)
    throw new UsageError('give either --study or --query, not both');
  if (!values.study && !values.query?.length)
    throw new UsageError('--dicomweb needs --study UID or --query key=value');
  const query: Record<string, string> = {};
  for (const pair of values.query ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--query needs key=value, not "${pair}"`);
    query[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    url: values.dicomweb,
    study: values.study,
    query: values.query?.length ? query : undefined,
    tokenFile: values['token-file'],
  };
}

/** The headers a token file gives: "Header: value", or a bare token sent as Bearer. */
export async function tokenHeaders(tokenFile: string | undefined): Promise<Record<string, string>> {
  if (!tokenFile) return {};
  const text = (await readPassphraseFile(tokenFile)).trim();
  const header = /^([A-Za-z0-9-]+):\s*(.+)$/.exec(text);
  return header ? { [header[1]]: header[2] } : { Authorization: `Bearer ${text}` };
}

/** A client that reaches the server through undici (nodeHttpTransport.ts says why not fetch). */
export function nodeDicomwebClient(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs?: number,
): DicomwebClient {
  return dicomwebClient({ baseUrl: url, headers, timeoutMs }, nodeHttpTransport);
}

/** The studies a source names: the one given, or every page of its QIDO search. */
async function studiesOf(client: DicomwebClient, source: DicomwebSource): Promise<string[]> {
  if (source.study) return [source.study];
  const uids: string[] = [];
  let page: Page | undefined = { offset: 0, limit: 200 };
  while (page) {
    const found = await searchStudies(client, { extra: source.query }, page);
    uids.push(...found.items.map((s) => s.studyInstanceUid));
    page = found.nextOffset === undefined ? undefined : { offset: found.nextOffset, limit: 200 };
  }
  return uids;
}

/** Each instance of the source's studies as an input file, or a Problem naming it. */
export async function* dicomwebInputs(
  source: DicomwebSource,
): AsyncGenerator<Result<{ file: string; bytes: Uint8Array }>> {
  let client: DicomwebClient;
  let studies: string[];
  try {
    client = nodeDicomwebClient(source.url, await tokenHeaders(source.tokenFile), source.timeoutMs);
    studies = await studiesOf(client, source);
  } catch (e) {
    yield { ok: false, error: problemOf(e, 'dicomweb-failed', { file: source.url }) };
    return;
  }
  if (studies.length === 0) {
    yield {
      ok: false,
      error: {
        code: 'dicomweb-no-studies',
        reason: 'the search found no study on the PACS',
        params: { file: source.url },
      },
    };
    return;
  }
  // Whole series in one request each: the CLI reads every image anyway.
  for (const study of studies) yield* retrieveStudy(client, study, { bulk: true });
}

// The walker's one hook: main.ts folds the --dicomweb options into one input path of this form,
// so every command that takes <files|dirs…> reads a PACS without an option of its own.
const pathPrefix = 'dicomweb:';

export function isDicomwebPath(path: string): boolean {
  return path.startsWith(pathPrefix);
}

export function dicomwebPathSource(path: string): DicomwebSource {
  return JSON.parse(path.slice(pathPrefix.length)) as DicomwebSource;
}

const optionNames = new Set(['--dicomweb', '--study', '--query', '--token-file']);

/**
 * `argv` with `--dicomweb URL [--study UID | --query k=v…] [--token-file F]` replaced by one
 * input path (or unchanged where --dicomweb is absent), or the usage error.
 */
export function foldDicomwebArgs(argv: readonly string[]): { argv: string[] } | { usage: string } {
  if (!argv.some((a) => a === '--dicomweb' || a.startsWith('--dicomweb=')))
    return { argv: [...argv] };
  const values: { dicomweb?: string; study?: string; query: string[]; 'token-file'?: string } = {
    query: [],
  };
  const rest: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!optionNames.has(name)) {
      rest.push(a);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++k];
    if (value === undefined) return { usage: `${name} needs a value` };
    if (name === '--query') values.query.push(value);
    else if (name === '--dicomweb') values.dicomweb = value;
    else if (name === '--study') values.study = value;
    else values['token-file'] = value;
  }
  try {
    const source = dicomwebSourceOf(values);
    return { argv: [...rest, pathPrefix + JSON.stringify(source)] };
  } catch (e) {
    return { usage: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * `analyze --stow URL [--pseudonymised]`: each analysed study's report stored into its study on
 * the PACS (STOW-RS): the identified report into the real study, or the bundle's pseudonymised
 * report into the pseudonymised study of a de-identified research PACS. One line per study on
 * stderr; the count of studies that failed.
 */
export async function stowStudyReports(
  url: string,
  tokenFile: string | undefined,
  features: readonly LocalFeatures[],
  predictions: readonly LocalPrediction[],
  pseudonymised?: { readonly secret: Uint8Array; readonly reportDates: ReportDates },
): Promise<number> {
  const client = nodeDicomwebClient(url, await tokenHeaders(tokenFile));
  let reports: ReportToStore[];
  try {
    // The images of series analysed without a prediction: the report lists its evidence.
    const seriesImages: Record<string, SourceImage[]> = {};
    for (const f of features) {
      const { studyInstanceUid: study, seriesInstanceUid: series } = f.source;
      if (seriesImages[series] || predictions.some((p) => p.source.seriesInstanceUid === series))
        continue;
      seriesImages[series] = await seriesInstances(client, study, series);
    }
    reports = await reportsToStore({
      features,
      predictions,
      seriesImages,
      ...(pseudonymised ? { pseudonymised } : {}),
    });
  } catch (e) {
    const p = problemOf(e, 'dicomweb-failed');
    process.stderr.write(`No report was stored on ${url}: ${p.reason}\n`);
    return 1;
  }
  let failed = 0;
  const kind = pseudonymised ? 'pseudonymised report' : 'report';
  for (const report of reports) {
    const study = report.sourceStudyInstanceUid;
    const into = pseudonymised ? ` (as study ${report.studyInstanceUid})` : '';
    try {
      const stored = await storeInstances(client, [report.bytes], report.studyInstanceUid);
      process.stderr.write(
        `Stored the ${kind} of study ${study}${into} on ${url}: ${stored.retrieveUrls[0] ?? stored.stored[0] ?? ''}\n`,
      );
    } catch (e) {
      failed++;
      const p = problemOf(e, 'dicomweb-failed');
      process.stderr.write(`The ${kind} of study ${study} was not stored: ${p.reason}\n`);
    }
  }
  return failed;
}

/** `filter --out map.dcm --stow URL`: the derived map stored into its source study; where. */
export async function stowDerived(
  url: string,
  tokenFile: string | undefined,
  bytes: Uint8Array,
  studyInstanceUid: string,
): Promise<string> {
  const client = nodeDicomwebClient(url, await tokenHeaders(tokenFile));
  const stored = await storeInstances(
    client,
    [bytes],
    studyInstanceUid,
    undefined,
    'storing the map',
  );
  return stored.retrieveUrls[0] ?? stored.stored[0] ?? '';
}

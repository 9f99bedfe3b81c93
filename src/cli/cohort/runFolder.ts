// What a results folder says about its run, for `consilium serve --cohorts` (the workbench's
// Cohort view): its command, how many series are done and which failed (with reasons), and its
// feature values as table rows. A series file never changes once written (content key, written
// by rename), so each is read once and its summary kept.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureRow, RunFailure } from '../../core/cohort/runViews.ts';
import type { SeriesRecordFile } from '../io/resultsDir.ts';
import { readFailureRecords } from './failureRecord.ts';

export type { FeatureRow, RunFailure } from '../../core/cohort/runViews.ts';

export interface RunFolderInfo {
  readonly command: string;
  readonly settingsHash: string;
  /** Series whose records are written. */
  readonly done: number;
  /** Series whose records hold at least one error, and queued series the workers gave up on. */
  readonly failedSeries: number;
  /** Queued series the workers gave up on (failed/<key>.json, no series record). */
  readonly gaveUp: number;
  readonly failures: RunFailure[];
  /** The merged <command>.jsonl exists: the run completed. */
  readonly complete: boolean;
  /** From cohort.json (a queued cohort): the series it holds. */
  readonly cohort?: { readonly id: string; readonly series: number; readonly queue: string };
}

interface SeriesSummary {
  readonly failures: RunFailure[];
}

interface ErrorLike {
  code?: unknown;
  reason?: unknown;
  params?: { file?: unknown };
}

const summaries = new Map<string, SeriesSummary>();
const maxFailuresListed = 200;

function failureOf(series: string, e: ErrorLike): RunFailure {
  return {
    series,
    file: typeof e.params?.file === 'string' ? e.params.file : '',
    code: String(e.code ?? 'failed'),
    reason: String(e.reason ?? ''),
  };
}

/** The errors in one series' records: error records (features, infer) or a series' problems
 * (analyze), a model outside its scope not counted (as `consilium analyze` does). */
export function failuresOf(file: SeriesRecordFile): RunFailure[] {
  const out: RunFailure[] = [];
  for (const r of file.records as {
    ok?: boolean;
    error?: ErrorLike;
    problems?: (ErrorLike & { params?: { step?: unknown } })[];
  }[]) {
    if (r.ok === false && r.error) out.push(failureOf(file.series, r.error));
    for (const p of r.problems ?? [])
      if (p.params?.step !== 'prediction') out.push(failureOf(file.series, p));
  }
  return out;
}

async function seriesNames(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'series')).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.json'))
    .sort();
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** The folder's run, or null when it holds none (no run.json). */
export async function readRunFolder(dir: string): Promise<RunFolderInfo | null> {
  const run = await readJson<{ command?: string; settingsHash?: string }>(join(dir, 'run.json'));
  if (!run?.command) return null;
  // Completion first, then the listing: the merged <command>.jsonl is renamed into place only
  // after every series file is, so a listing taken after seeing it holds them all. The other
  // order let a run finish between the two and be reported complete with the series listed
  // before (the Cohort tab stops polling at complete, so it kept "1 / 1 series" of a 2-series run).
  const complete = await stat(join(dir, `${run.command}.jsonl`)).then(
    (s) => s.isFile(),
    () => false,
  );
  let failedSeries = 0;
  const failures: RunFailure[] = [];
  const names = await seriesNames(dir);
  for (const n of names) {
    const path = join(dir, 'series', n);
    let s = summaries.get(path);
    if (!s) {
      const file = await readJson<SeriesRecordFile>(path);
      if (!file) continue;
      s = { failures: failuresOf(file) };
      summaries.set(path, s);
    }
    if (s.failures.length > 0) {
      failedSeries++;
      for (const f of s.failures) if (failures.length < maxFailuresListed) failures.push(f);
    }
  }
  // A queued series the workers gave up on: failed, with the last attempt's reason.
  let gaveUp = 0;
  const written = new Set(names.map((n) => n.slice(0, -'.json'.length)));
  for (const file of await readFailureRecords(dir)) {
    if (written.has(file.key)) continue; // computed after all
    gaveUp++;
    failedSeries++;
    for (const f of failuresOf(file)) if (failures.length < maxFailuresListed) failures.push(f);
  }
  const cohort = await readJson<{ id?: string; series?: number; queue?: string }>(
    join(dir, 'cohort.json'),
  );
  return {
    command: run.command,
    settingsHash: run.settingsHash ?? '',
    done: names.length,
    failedSeries,
    gaveUp,
    failures,
    complete,
    ...(cohort?.id
      ? { cohort: { id: cohort.id, series: cohort.series ?? 0, queue: cohort.queue ?? '' } }
      : {}),
  };
}

function roiLabel(roi: unknown): string {
  if (!roi || typeof roi !== 'object') return '';
  const r = roi as { kind?: unknown; structure?: unknown; name?: unknown };
  return String(r.structure ?? r.name ?? r.kind ?? '');
}

function filterLabel(params: unknown): string {
  const f = (params as { filter?: unknown } | undefined)?.filter;
  if (!f) return '';
  if (typeof f === 'string') return f;
  return typeof f === 'object' && 'kind' in f ? String((f as { kind: unknown }).kind) : '';
}

/** The feature values of a features run, a row each, series by series (at most `limit` rows). */
export async function featureRows(
  dir: string,
  limit: number,
): Promise<{ rows: FeatureRow[]; truncated: boolean }> {
  const rows: FeatureRow[] = [];
  for (const n of await seriesNames(dir)) {
    const file = await readJson<SeriesRecordFile>(join(dir, 'series', n));
    if (!file) continue;
    for (const r of file.records as {
      ok?: boolean;
      value?: {
        series?: string;
        roi?: unknown;
        slice?: number;
        params?: unknown;
        features?: Omit<FeatureRow, 'series' | 'roi' | 'slice' | 'filter'>[];
      };
    }[]) {
      if (!r.ok || !r.value?.features) continue;
      for (const f of r.value.features) {
        if (rows.length >= limit) return { rows, truncated: true };
        rows.push({
          series: r.value.series ?? file.series,
          roi: roiLabel(r.value.roi),
          slice: r.value.slice ?? null,
          filter: filterLabel(r.value.params),
          family: f.family,
          ibsiCode: f.ibsiCode,
          name: f.name,
          aggregation: f.aggregation,
          unit: f.unit,
          value: typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : null,
        });
      }
    }
  }
  return { rows, truncated: false };
}

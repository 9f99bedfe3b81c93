// "Export de-identified DICOM": the loaded files of the shown series, its study or everything go
// to the bundle worker as Blobs; it de-identifies them under the collaboration key (the UIDs the
// bundle's SR uses) and zips them. The page only gathers the Blobs and offers the download.
import type { DateHandling } from '../../../core/deid/dates.ts';
import type { Problem } from '../../../core/result.ts';
import { secretFileBytes, typedSecretBytes } from '../../../core/crypto/secret.ts';
import { sourceOf } from '../../ingest/sources.ts';
import { bundleWorker } from '../../services/workers.ts';
import type { AppState } from '../../store/store.ts';
import { useStore } from '../../store/store.ts';
import { download } from './download.ts';
import { ExportProblem } from './exportBundle.ts';

export type DeidScope = 'series' | 'study' | 'all';

/** The loaded files in a scope, in study browser order (one name per file). */
export function filesInScope(s: AppState, scope: DeidScope): string[] {
  const shown = s.viewports[s.active]?.seriesUID ?? null;
  const files: string[] = [];
  for (const p of s.patients)
    for (const st of p.studies) {
      const studyShown = st.series.some((se) => se.seriesInstanceUID === shown);
      for (const se of st.series) {
        const wanted =
          scope === 'all' ||
          (scope === 'study' && studyShown) ||
          (scope === 'series' && se.seriesInstanceUID === shown);
        if (wanted) for (const i of se.instances) files.push(i.file);
      }
    }
  return [...new Set(files)];
}

export interface DeidExportOptions {
  readonly scope: DeidScope;
  readonly dates: DateHandling;
  readonly signal: AbortSignal;
  readonly onProgress: (done: number, total: number) => void;
}

export interface DeidExportOutcome {
  readonly fileName: string;
  readonly files: number;
  /** Files left out, named as the page knows them (never written into the zip). */
  readonly problems: readonly Problem[];
}

export async function exportDeidentifiedDicom(
  options: DeidExportOptions,
): Promise<DeidExportOutcome> {
  const s = useStore.getState();
  if (!s.collaborationKey)
    throw new ExportProblem(
      'export-no-key',
      'Enter the collaboration key shared with your partners.',
    );
  const names = filesInScope(s, options.scope);
  if (names.length === 0)
    throw options.scope === 'all'
      ? new ExportProblem('deid-nothing-loaded', 'No series is loaded.')
      : new ExportProblem('deid-nothing-shown', 'Show a series in a viewport first.');
  const missing: Problem[] = [];
  const files: { name: string; blob: Blob }[] = [];
  for (const name of names) {
    const blob = sourceOf(name);
    if (blob) files.push({ name, blob });
    else
      missing.push({
        code: 'no-source',
        reason: 'its bytes are no longer in this page',
        params: { file: name },
      });
  }
  const { secret } = s.collaborationKey;
  const r = await bundleWorker.call(
    options.signal,
    'deidentifyDicom',
    files,
    // The one rule for secrets (core/crypto/secret.ts), as `consilium deidentify --key-file`.
    typeof secret === 'string' ? typedSecretBytes(secret) : secretFileBytes(secret),
    options.dates,
    options.onProgress,
  );
  if (!r.ok)
    throw new ExportProblem('deid-failed', 'The files could not be de-identified', r.error);
  const problems = [...missing, ...r.value.problems];
  if (r.value.files === 0)
    throw new ExportProblem('deid-none-written', 'No file could be de-identified', problems[0]);
  const fileName = `deidentified-dicom-${new Date().toISOString().slice(0, 10)}.zip`;
  download(fileName, r.value.zip, 'application/zip');
  return { fileName, files: r.value.files, problems };
}

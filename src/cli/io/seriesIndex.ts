// The series a command will compute, found in one pass over its inputs that keeps where each file
// lies and never its bytes (a header is parsed and dropped): the command then loads, computes and
// frees one series at a time, so memory follows the number of series in flight, not the cohort.
import { createHash } from 'node:crypto';
import { parseInstance } from '../../core/dicom/parse.ts';
import { looksLikeNifti } from '../../core/masks/nifti.ts';
import { problemOf, type Problem } from '../../core/result.ts';
import { readSources, walkInputs, type FileSource, type InputFile } from './walkInputs.ts';

/** One file of a series: where to read it again, or (an input that cannot be re-read) its bytes. */
export interface SeriesFile {
  readonly file: string;
  readonly source?: FileSource;
  readonly bytes?: Uint8Array;
}

export interface SeriesRef {
  /** SeriesInstanceUID, or "nifti:<file>" for a NIfTI volume (as the features records name it). */
  readonly uid: string;
  readonly kind: 'dicom' | 'nifti';
  /** In the order the walk met them. */
  readonly files: SeriesFile[];
  /** What the series is, by content: its UID and its instances' UIDs (or a NIfTI file's bytes),
   * so the same series found at another path, or on another machine, has the same key. */
  readonly key: string;
  /** What a labels CSV matches a series by. */
  readonly study: { studyInstanceUid: string; accessionNumber: string; patientId: string };
  /** Its instances' SOP Instance UIDs (DICOM series): a labels CSV may key by them. */
  readonly sopInstanceUids?: readonly string[];
}

export interface SeriesIndex {
  readonly series: SeriesRef[];
  /** Files that could not be read or are not DICOM (nor NIfTI, where asked). */
  readonly problems: Problem[];
}

export interface IndexOptions {
  /** Reads NIfTI volumes as series of their own (features). */
  readonly nifti?: boolean;
  /** Files to leave out (e.g. those also given as masks). */
  readonly skip?: (file: string) => boolean;
  /** The code of a file that is not DICOM: "invalid-header" unless given. */
  readonly notDicom?: string;
}

function fileOf({ file, source, bytes }: InputFile): SeriesFile {
  return source ? { file, source } : { file, bytes };
}

function sha256(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/** Walks `paths` once and groups the files by series, in the order series were first met. */
export async function indexSeries(
  paths: readonly string[],
  options: IndexOptions = {},
): Promise<SeriesIndex> {
  const problems: Problem[] = [];
  const byUid = new Map<string, { ref: SeriesRef; sops: string[] }>();
  for await (const input of walkInputs(paths)) {
    if (!input.ok) {
      problems.push(input.error);
      continue;
    }
    const { file, bytes } = input.value;
    if (options.skip?.(file)) continue;
    if (options.nifti && (/\.nii(\.gz)?$/i.test(file) || looksLikeNifti(bytes))) {
      const uid = `nifti:${file}`;
      const key = createHash('sha256').update(bytes).digest('hex');
      const study = { studyInstanceUid: '', accessionNumber: '', patientId: '' };
      byUid.set(uid, {
        ref: { uid, kind: 'nifti', files: [fileOf(input.value)], key, study },
        sops: [],
      });
      continue;
    }
    try {
      const parsed = parseInstance(bytes, file);
      if (!parsed.ok) {
        problems.push(problemOf(parsed.error, options.notDicom ?? 'invalid-header', { file }));
        continue;
      }
      const { meta } = parsed;
      let entry = byUid.get(meta.seriesInstanceUID);
      if (!entry) {
        const study = {
          studyInstanceUid: meta.studyInstanceUID,
          accessionNumber: meta.accessionNumber,
          patientId: meta.patientID,
        };
        const ref = {
          uid: meta.seriesInstanceUID,
          kind: 'dicom' as const,
          files: [],
          key: '',
          study,
        };
        entry = { ref, sops: [] };
        byUid.set(meta.seriesInstanceUID, entry);
      }
      entry.ref.files.push(fileOf(input.value));
      entry.sops.push(meta.sopInstanceUID);
    } catch (e) {
      // A parser bug costs one file, as in the workbench's ingest.
      problems.push(problemOf(e, options.notDicom ?? 'invalid-header', { file }));
    }
  }
  const series = [...byUid.values()].map(({ ref, sops }) =>
    ref.kind === 'nifti'
      ? ref
      : { ...ref, sopInstanceUids: [...sops], key: sha256([ref.uid, ...sops.sort()]) },
  );
  return { series, problems };
}

/** A series' files with their bytes, read again (a zip archive opened once per series). */
export async function loadSeriesFiles(ref: SeriesRef): Promise<InputFile[]> {
  const sources = ref.files.flatMap((f) => (f.source ? [f.source] : []));
  const read = await readSources(sources);
  let next = 0;
  return ref.files.map((f) => ({ file: f.file, bytes: f.source ? read[next++] : f.bytes! }));
}

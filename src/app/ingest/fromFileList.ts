import { isIgnoredPath } from '../../core/ingest/ignoredPath.ts';
import type { IngestSource } from '../../workers/ingest.worker.ts';

/** Files from an <input type=file>, named by their path inside a picked folder when there is one. */
export function sourcesFromFileList(files: FileList | File[]): IngestSource[] {
  return Array.from(files)
    .map((f) => ({ file: f.webkitRelativePath || f.name, blob: f as Blob }))
    .filter((s) => !isIgnoredPath(s.file));
}

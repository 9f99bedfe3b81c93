// Dropped items may be folders: walk them through the File and Directory Entries API.
import { isIgnoredPath } from '../../core/ingest/ignoredPath.ts';
import type { IngestSource } from '../../workers/ingest.worker.ts';

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries returns at most ~100 entries per call; an empty batch means the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: IngestSource[]): Promise<void> {
  if (entry.isFile) {
    const path = entry.fullPath.replace(/^\//, '');
    if (!isIgnoredPath(path))
      out.push({ file: path, blob: await fileOf(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, out);
  }
}

export async function sourcesFromDataTransfer(dt: DataTransfer): Promise<IngestSource[]> {
  // Entries must be taken synchronously, before the drop event's data store is closed.
  const entries = Array.from(dt.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) {
    return Array.from(dt.files).map((f) => ({ file: f.name, blob: f as Blob }));
  }
  const out: IngestSource[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}

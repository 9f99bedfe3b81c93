// A folder opened through the File System Access API (Chromium) is remembered as its handle in
// IndexedDB, so after a reload one click asks the browser to grant the same folder again and
// its files are read anew: the results kept by UID re-attach. Elsewhere the folder input is
// used and the Cases tab asks for the files by name instead.
import { isIgnoredPath } from '../../core/ingest/ignoredPath.ts';
import type { IngestSource } from '../../workers/ingest.worker.ts';
import { deletePref, getPref, putPref } from './db.ts';

// Parts of the API that TypeScript's DOM library does not declare yet.
type Permission = 'granted' | 'denied' | 'prompt';
interface PermissionHandle {
  queryPermission?(d: { mode: 'read' }): Promise<Permission>;
  requestPermission?(d: { mode: 'read' }): Promise<Permission>;
}
interface IterableDirectory {
  values(): AsyncIterable<FileSystemHandle>;
}
type DirectoryPicker = (options?: {
  id?: string;
  mode?: 'read';
}) => Promise<FileSystemDirectoryHandle>;

function picker(): DirectoryPicker | undefined {
  return (window as unknown as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;
}

export const canPickFolder = () => typeof picker() === 'function';

/** Every file under the folder, named "folder/sub/file" as the folder input names them. */
export async function sourcesFromHandle(dir: FileSystemDirectoryHandle): Promise<IngestSource[]> {
  const out: IngestSource[] = [];
  const walk = async (d: FileSystemDirectoryHandle, prefix: string) => {
    for await (const h of (d as unknown as IterableDirectory).values()) {
      const path = `${prefix}/${h.name}`;
      if (isIgnoredPath(path)) continue;
      if (h.kind === 'directory') await walk(h as FileSystemDirectoryHandle, path);
      else out.push({ file: path, blob: await (h as FileSystemFileHandle).getFile() });
    }
  };
  await walk(dir, dir.name);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** Asks for a folder, remembers it, and returns its files; null when the user cancels. */
export async function pickFolder(): Promise<IngestSource[] | null> {
  const pick = picker();
  if (!pick) return null;
  let handle: FileSystemDirectoryHandle;
  try {
    handle = await pick({ id: 'consilium-open', mode: 'read' });
  } catch {
    return null; // the user closed the picker
  }
  await putPref('folder', handle).catch(() => {});
  return sourcesFromHandle(handle);
}

export async function savedFolder(): Promise<FileSystemDirectoryHandle | undefined> {
  return getPref('folder').catch(() => undefined);
}

export const forgetFolder = () => deletePref('folder').catch(() => {});

/** Re-reads the remembered folder; asks the browser again where access lapsed with the page
 * (must run in a click). Null when access is refused. */
export async function reopenFolder(
  handle: FileSystemDirectoryHandle,
): Promise<IngestSource[] | null> {
  const h = handle as unknown as PermissionHandle;
  let state: Permission = (await h.queryPermission?.({ mode: 'read' })) ?? 'granted';
  if (state !== 'granted') state = (await h.requestPermission?.({ mode: 'read' })) ?? 'denied';
  return state === 'granted' ? sourcesFromHandle(handle) : null;
}

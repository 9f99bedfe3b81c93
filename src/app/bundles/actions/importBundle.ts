// Import: the worker verifies the whole bundle first; only a bundle that passes every check is
// stored. A rejected one leaves nothing behind but the message saying why.
import * as db from '../../persist/db.ts';
import { useStore } from '../../store/store.ts';
import { bundleWorker } from '../../services/workers.ts';
import { refreshLibrary } from './library.ts';

export type ImportStep = 'done' | 'needs-passphrase';

export async function importBundleFile(file: File, passphrase?: string): Promise<ImportStep> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const trusted = (await db.listTrusted()).map((k) => k.fingerprint);
  const own = await db.getSigningKey();
  if (own && trusted.length > 0) trusted.push(own.fingerprint);
  const result = await bundleWorker.call(undefined, 'verify', bytes, trusted, passphrase);
  const setOutcome = useStore.getState().setImportOutcome;
  if (!result.ok) {
    if (result.error.code === 'ENCRYPTED' && passphrase === undefined) return 'needs-passphrase';
    setOutcome({ ok: false, fileName: file.name, error: result.error });
    return 'done';
  }
  const { summary, manifest } = result.value;
  await db.putBundle({
    summary,
    fileName: file.name,
    origin: 'imported',
    importedAt: new Date().toISOString(),
    manifest,
    bytes,
  });
  await refreshLibrary();
  setOutcome({ ok: true, fileName: file.name, center: summary.center });
  return 'done';
}

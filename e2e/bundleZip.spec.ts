// Zips that two readers could read differently, imported through the page's file input: each is
// refused with its code and nothing is kept. A genuine bundle is kept as exactly the file's bytes.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { sampleResults } from '../src/core/bundle/sampleResults.ts';
import { writeBundle } from '../src/core/bundle/writeBundle.ts';
import { rawZip } from '../src/core/bundle/zip/testing/rawZip.ts';
import { expect, test } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'consilium-zip-e2e-'));

async function genuine(): Promise<Uint8Array> {
  return writeBundle({
    center: 'Center Z',
    software: { name: 'consilium', version: '0.1.0' },
    results: await sampleResults(),
  });
}

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Central directory record offsets of a zip fflate wrote (no comment). */
function centralRecords(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const at = [view.getUint32(end + 16, true)];
  for (let i = 1; i < view.getUint16(end + 10, true); i++) {
    const p = at[i - 1];
    at.push(p + 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true));
  }
  return at;
}

test('zips with two readings are refused at import with their code; a genuine bundle is kept byte for byte', async ({
  page,
}) => {
  const bytes = await genuine();
  // A member marked as a symbolic link (lrwxrwxrwx) in the central directory.
  const symlink = bytes.slice();
  const cd = centralRecords(symlink);
  new DataView(symlink.buffer).setUint32(cd[cd.length - 1] + 38, 0xa1ff0000, true);
  // Stored locally, "deflated" in the central directory.
  const members = unzipSync(bytes);
  const names = Object.keys(members);
  const mismatch = rawZip(
    names.map((name) => ({
      name,
      data: members[name],
      method: 0,
      ...(name === 'features.csv' ? { central: { method: 8 } } : {}),
    })),
  );
  // The central directory lists an evil features.csv; the genuine one sits unlisted after it.
  const differential = rawZip([
    { name: 'features.csv', data: strToU8('caseKey\n=HYPERLINK("http://x.invalid")\n') },
    ...names.map((name) => ({ name, data: members[name], listed: name !== 'features.csv' })),
  ]);

  await page.goto('/');
  await page.getByRole('tab', { name: 'Bundles' }).click();
  const library = page.getByRole('list', { name: 'Bundle library' }).getByRole('listitem');
  const input = page.getByLabel('Import bundle');
  for (const [path, code] of [
    [file('symlink.zip', symlink), 'ZIP_SYMLINK'],
    [file('mismatch.zip', mismatch), 'ZIP_MISMATCH'],
    [file('differential.zip', differential), 'ZIP_UNLISTED_ENTRY'],
  ]) {
    await input.setInputFiles(path);
    await expect(page.getByTestId('import-rejected')).toContainText(code, { timeout: 5000 });
    await expect(page.getByTestId('trust-prompt')).toHaveCount(0);
  }
  await expect(library).toHaveCount(0);

  // The genuine (unsigned) bundle, kept at the user's word: IndexedDB holds the file's own bytes.
  await input.setInputFiles(file('genuine.zip', bytes));
  await page.getByTestId('trust-prompt').getByRole('button', { name: 'Import unsigned' }).click();
  await expect(library).toHaveCount(1);
  const stored = await page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('consilium-bundles');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('bundles').objectStore('bundles').getAll();
          all.onsuccess = () => resolve([...(all.result[0].bytes as Uint8Array)]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  expect(sha(new Uint8Array(stored))).toBe(sha(bytes));
});

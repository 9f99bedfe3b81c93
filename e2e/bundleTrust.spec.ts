// Trust on first use, through the page's file input: bundles made here by the core writer, signed
// by fresh keys nobody has trusted. The page must show the signer's fingerprint and the claimed
// center and keep nothing until the user answers; a yes trusts the key (kept in IndexedDB,
// revocable); a second key claiming the same center is a visible warning.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { ENCRYPTION_MAGIC } from '../src/core/bundle/encryption.ts';
import { sampleResults } from '../src/core/bundle/sampleResults.ts';
import { writeBundle } from '../src/core/bundle/writeBundle.ts';
import { generateSigningKeys, keyFingerprint } from '../src/core/crypto/keys.ts';
import type { KeyPairHandle } from '../src/core/crypto/subtle.ts';
import { expect, test } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'consilium-trust-'));
const software = { name: 'consilium', version: '0.1.0' };

async function bundleFile(name: string, center: string, signWith?: KeyPairHandle) {
  const bytes = await writeBundle({
    center,
    software,
    results: await sampleResults(),
    ...(signWith ? { signWith } : {}),
  });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

test('a bundle signed by an unknown key asks first: no keeps nothing, yes trusts the key', async ({
  page,
}) => {
  const partner = await generateSigningKeys();
  const fingerprint = await keyFingerprint(partner.publicKey);
  const first = await bundleFile('z1.zip', 'Center Z', partner);
  const second = await bundleFile('z2.zip', 'Center Z', partner);
  const impostor = await generateSigningKeys();
  const forged = await bundleFile('forged.zip', 'Center Z', impostor);
  const unsigned = await bundleFile('unsigned.zip', 'Center Z');

  await page.goto('/');
  await page.getByRole('tab', { name: 'Bundles' }).click();
  const library = page.getByRole('list', { name: 'Bundle library' }).getByRole('listitem');
  const trustedKeys = page
    .getByRole('list', { name: 'Trusted partner keys' })
    .getByRole('listitem');
  const prompt = page.getByTestId('trust-prompt');
  const input = page.getByLabel('Import bundle');

  // The prompt names the claimed center and the signer's fingerprint; "Don't import" keeps nothing.
  await input.setInputFiles(first);
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('Center Z');
  await expect(prompt).toContainText('Trust this key and import?');
  await expect(page.getByTestId('signer-fingerprint')).toHaveAttribute(
    'data-fingerprint',
    fingerprint,
  );
  await expect(page.getByTestId('signer-fingerprint')).toHaveText(
    fingerprint.match(/.{4}/g)!.join(' '),
  );
  await prompt.getByRole('button', { name: "Don't import" }).click();
  await expect(page.getByTestId('import-declined')).toContainText('Nothing of it was kept');
  await expect(prompt).toHaveCount(0);
  await expect(library).toHaveCount(0);
  await expect(trustedKeys).toHaveCount(0);

  // Asked again, "Trust key and import" keeps the bundle and lists the key as trusted.
  await input.setInputFiles(first);
  await prompt.getByRole('button', { name: 'Trust key and import' }).click();
  await expect(page.getByTestId('import-accepted')).toContainText('Center Z');
  await expect(library).toHaveCount(1);
  await expect(library.first()).toContainText(`signed by ${fingerprint.slice(0, 16)}… (trusted)`);
  await expect(trustedKeys).toHaveCount(1);
  await expect(trustedKeys.first()).toHaveAttribute('data-fingerprint', fingerprint);
  await expect(trustedKeys.first()).toContainText('trusted on first use');

  // Kept across a reload (IndexedDB); the key's next bundle is imported without a question.
  await page.reload();
  await page.getByRole('tab', { name: 'Bundles' }).click();
  await expect(trustedKeys).toHaveCount(1);
  await expect(library).toHaveCount(1);
  await input.setInputFiles(second);
  await expect(page.getByTestId('import-accepted')).toContainText('Center Z');
  await expect(prompt).toHaveCount(0);
  await expect(library).toHaveCount(2);

  // Another key claiming "Center Z" is asked about with a warning naming the claim.
  await input.setInputFiles(forged);
  await expect(page.getByTestId('signer-fingerprint')).toHaveAttribute(
    'data-fingerprint',
    await keyFingerprint(impostor.publicKey),
  );
  await expect(prompt.getByTestId('center-claim-warning')).toContainText(
    `"Center Z" is also claimed by key ${fingerprint.slice(0, 16)}…`,
  );
  await prompt.getByRole('button', { name: "Don't import" }).click();
  await expect(library).toHaveCount(2);
  await expect(trustedKeys).toHaveCount(1);

  // An unsigned bundle asks too; kept at the user's word, and the library warns about the claim.
  await input.setInputFiles(unsigned);
  await expect(prompt).toContainText('is not signed');
  await expect(prompt).toContainText('Import unsigned?');
  await prompt.getByRole('button', { name: 'Import unsigned' }).click();
  await expect(page.getByTestId('import-accepted')).toContainText('unsigned, at your request');
  await expect(library).toHaveCount(3);
  await expect(library.filter({ hasText: 'not signed' })).toHaveCount(1);
  await expect(library.getByTestId('center-claim-warning')).toHaveCount(3);

  // Revoking the key: its bundles are marked, and its next bundle asks again.
  await trustedKeys
    .first()
    .getByRole('button', { name: /^Remove trusted key/ })
    .click();
  await expect(trustedKeys).toHaveCount(0);
  await expect(library.filter({ hasText: '(key not trusted)' })).toHaveCount(2);
  await input.setInputFiles(second);
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: "Don't import" }).click();
});

/** A genuine bundle, edited as an attacker would (member hashes kept consistent), as a file. */
async function hostile(name: string, edit: (files: Record<string, Uint8Array>) => void) {
  const files = unzipSync(
    await writeBundle({ center: 'Center Z', software, results: await sampleResults() }),
  );
  edit(files);
  const path = join(dir, name);
  writeFileSync(path, zipSync(files));
  return path;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

test('hostile bundles end in a rejection with their code at import, and nothing is kept', async ({
  page,
}) => {
  const deep = await hostile('deep.zip', (f) => {
    const nested = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    f['manifest.json'] = strToU8(
      text(f['manifest.json']).replace('"params": {', `"params": {"deep": ${nested}, `),
    );
  });
  const duplicate = await hostile('duplicate.zip', (f) => {
    f['manifest.json'] = strToU8(
      text(f['manifest.json']).replace(
        '"center": {',
        '"center": {"name": "Shadow"},\n  "center": {',
      ),
    );
  });
  const formula = await hostile('formula.zip', (f) => {
    const csv = strToU8(text(f['features.csv']).replace(/\n([0-9a-f]{32})/, '\n=1+1,$1'));
    const sha = createHash('sha256').update(csv).digest('hex');
    const m = JSON.parse(text(f['manifest.json'])) as {
      members: { name: string; size: number; sha256: string }[];
    };
    Object.assign(
      m.members.find((x) => x.name === 'features.csv')!,
      { size: csv.length, sha256: sha },
    );
    f['features.csv'] = csv;
    f['manifest.json'] = strToU8(JSON.stringify(m));
  });
  const pbkdf2 = join(dir, 'pbkdf2.bin');
  const sealed = new Uint8Array(40 + 64);
  sealed.set(ENCRYPTION_MAGIC, 0);
  new DataView(sealed.buffer).setUint32(8, 10_000_000, false);
  writeFileSync(pbkdf2, sealed);

  await page.goto('/');
  await page.getByRole('tab', { name: 'Bundles' }).click();
  const library = page.getByRole('list', { name: 'Bundle library' }).getByRole('listitem');
  for (const [file, code] of [
    [deep, 'MANIFEST_TOO_DEEP'],
    [duplicate, 'MANIFEST_DUPLICATE_KEY'],
    [formula, 'CSV_FORMULA'],
    // Refused on its header, without asking for a passphrase.
    [pbkdf2, 'ENCRYPTION_HEADER_INVALID'],
  ]) {
    await page.getByLabel('Import bundle').setInputFiles(file);
    await expect(page.getByTestId('import-rejected')).toContainText(code, { timeout: 5000 });
    await expect(page.getByTestId('trust-prompt')).toHaveCount(0);
    await expect(page.getByLabel('Passphrase of the bundle')).toHaveCount(0);
  }
  await expect(library).toHaveCount(0);
});

// Trust on first use, through the page's file input: bundles made here by the core writer, signed
// by fresh keys nobody has trusted. The page must show the signer's fingerprint and the claimed
// center and keep nothing until the user answers; a yes trusts the key (kept in IndexedDB,
// revocable); a second key claiming the same center is a visible warning.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

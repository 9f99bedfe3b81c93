// The bundle reproducers of ../shared/data/fuzz-repro/bundle that concern the manifest, the CSVs,
// trust and encryption: each ends in one clear verdict with its code, quickly.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { importPublicKeyPem, keyFingerprint } from '../crypto/keys';
import { verifyBundle, type VerifyOptions } from './verifyBundle';

const DIR = '../shared/data/fuzz-repro/bundle';

async function verdict(name: string, options: VerifyOptions = {}) {
  const bytes = new Uint8Array(await readFile(`${DIR}/${name}`));
  const t0 = performance.now();
  const result = await verifyBundle(bytes, options);
  return { result, ms: performance.now() - t0 };
}

const trustedA = async () => [
  await keyFingerprint(
    await importPublicKeyPem(await readFile(`${DIR}/trusted-centerA.pub.pem`, 'utf8')),
  ),
];

describe('hostile bundles (fuzz reproducers)', () => {
  it.each([
    ['duplicate-json-keys-signed.zip', 'MANIFEST_DUPLICATE_KEY', /the key "center" appears twice/],
    [
      'proto-key-in-params-signed.zip',
      'MANIFEST_FORBIDDEN_KEY',
      /the key "__proto__" is not allowed/,
    ],
    ['csv-formula-injection-signed.zip', 'CSV_FORMULA', /starts like a spreadsheet formula/],
    ['deep-params-stack-overflow.zip', 'MANIFEST_TOO_DEEP', /deeper than 32 levels/],
    ['deep-params-stack-overflow-signed.zip', 'MANIFEST_TOO_DEEP', /deeper than 32 levels/],
  ])('%s is rejected: %s', async (name, code, reason) => {
    const { result, ms } = await verdict(name, { trustedKeys: await trustedA() });
    expect(result).toMatchObject({
      ok: false,
      error: { code, reason: expect.stringMatching(reason) },
    });
    expect(ms).toBeLessThan(2000);
  });

  it('forged "Center A" signed by an unknown key: never trusted; its fingerprint is named', async () => {
    const trustedKeys = await trustedA();
    const required = await verdict('forged-center-A-untrusted-key.zip', {
      trustedKeys,
      requireTrusted: true,
    });
    expect(required.result.ok).toBe(false);
    if (required.result.ok) return;
    expect(required.result.error.code).toBe('SIGNATURE_UNTRUSTED');
    const signer = required.result.error.signer!;
    expect(signer).toMatch(/^[0-9a-f]{64}$/);
    expect(signer).not.toBe(trustedKeys[0]);
    expect(required.result.error.reason).toContain(
      `claims "Center A" and is signed by an unknown key ${signer}`,
    );
    // Looked at further, its CSV does not even show what its manifest says.
    const all = await verdict('forged-center-A-untrusted-key.zip', { trustedKeys });
    expect(all.result).toMatchObject({ ok: false, error: { code: 'CSV_MISMATCH' } });
  });

  it('pbkdf2-10M-iterations.bin is refused before any key derivation (< 2 s)', async () => {
    for (const passphrase of [undefined, 'a guess']) {
      const { result, ms } = await verdict(
        'pbkdf2-10M-iterations.bin',
        passphrase === undefined ? {} : { passphrase },
      );
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'ENCRYPTION_HEADER_INVALID',
          reason: expect.stringContaining('asks for 10000000 PBKDF2 iterations'),
        },
      });
      expect(ms).toBeLessThan(2000);
    }
  });
});

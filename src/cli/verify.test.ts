import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportPublicKeyPem, generateSigningKeys } from '../core/crypto/keys.ts';
import { sampleResults } from '../core/bundle/sampleResults.ts';
import { writeBundle } from '../core/bundle/writeBundle.ts';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/consilium.mjs', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('consilium verify', () => {
  it('exits 0 only for a bundle signed by a trusted partner (or with --allow-untrusted), 1 with the reason otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-verify-'));
    const keys = await generateSigningKeys();
    const stranger = await generateSigningKeys();
    const base = {
      center: 'Center A',
      software: { name: 'consilium', version: '0.1.0' },
      results: await sampleResults(),
    };
    await writeFile(join(dir, 'signed.zip'), await writeBundle({ ...base, signWith: keys }));
    await writeFile(
      join(dir, 'sealed.bin'),
      await writeBundle({ ...base, passphrase: 'open sesame' }),
    );
    await writeFile(join(dir, 'a.pem'), await exportPublicKeyPem(keys.publicKey));
    await writeFile(join(dir, 'other.pem'), await exportPublicKeyPem(stranger.publicKey));
    await writeFile(join(dir, 'pass.txt'), 'open sesame\n');
    await writeFile(join(dir, 'wrong.txt'), 'guess\n');

    const ok = await cli([
      'verify',
      join(dir, 'signed.zip'),
      '--trust',
      join(dir, 'other.pem'),
      join(dir, 'a.pem'),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^OK .*from "Center A".*4 feature results, 4 predictions, 1 edge summaries; signed by trusted key [0-9a-f]{64}/,
    );

    const untrusted = await cli([
      'verify',
      join(dir, 'signed.zip'),
      '--trust',
      join(dir, 'other.pem'),
      '--json',
    ]);
    expect(untrusted.code).toBe(1);
    expect(JSON.parse(untrusted.stdout)).toMatchObject({
      ok: false,
      error: { code: 'SIGNATURE_UNTRUSTED', params: { file: join(dir, 'signed.zip') } },
    });
    const trusted = await cli([
      'verify',
      join(dir, 'signed.zip'),
      '--trust',
      join(dir, 'a.pem'),
      '--json',
    ]);
    expect(JSON.parse(trusted.stdout)).toMatchObject({
      ok: true,
      value: {
        file: join(dir, 'signed.zip'),
        center: 'Center A',
        trust: 'trusted',
        signer: expect.any(String),
      },
    });

    // Unsigned: intact, but accepted only when asked.
    const sealed = ['verify', join(dir, 'sealed.bin'), '--passphrase-file', join(dir, 'pass.txt')];
    const unsigned = await cli(sealed);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stdout).toMatch(
      /^REJECTED .*: SIGNATURE_MISSING: .*not signed.*--allow-untrusted/,
    );
    const allowed = await cli([...sealed, '--allow-untrusted']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(
      /^OK .*; not signed \(accepted because of --allow-untrusted\)\n$/,
    );
    const wrong = await cli([
      'verify',
      join(dir, 'sealed.bin'),
      '--passphrase-file',
      join(dir, 'wrong.txt'),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('WRONG_PASSPHRASE');

    // Signed by a key nobody trusts: refused without --trust, its fingerprint printed; accepted
    // (and still named unknown) only with --allow-untrusted.
    const fingerprint = JSON.parse(trusted.stdout).value.signer as string;
    const unknown = await cli(['verify', join(dir, 'signed.zip')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(
      `SIGNATURE_UNTRUSTED (signature.json): The bundle claims "Center A" and is signed by an unknown key ${fingerprint}`,
    );
    const unknownJson = await cli(['verify', join(dir, 'signed.zip'), '--json']);
    expect(JSON.parse(unknownJson.stdout)).toMatchObject({
      ok: false,
      error: { code: 'SIGNATURE_UNTRUSTED', params: { signer: fingerprint } },
    });
    const allowUnknown = await cli(['verify', join(dir, 'signed.zip'), '--allow-untrusted']);
    expect(allowUnknown.code).toBe(0);
    expect(allowUnknown.stdout).toContain(`signed by an unknown key ${fingerprint} (not trusted`);
    const allowJson = await cli(['verify', join(dir, 'signed.zip'), '--allow-untrusted', '--json']);
    expect(JSON.parse(allowJson.stdout)).toMatchObject({
      ok: true,
      value: { trust: 'unknown-signer', signer: fingerprint },
    });
    expect((await cli(['verify'])).code).toBe(2);
    expect((await cli(['verify', join(dir, 'signed.zip'), '--trusted', 'x.pem'])).code).toBe(2);
    // A passphrase file that is missing or empty is a clear usage problem, not a wrong passphrase.
    await writeFile(join(dir, 'empty.txt'), '\n');
    for (const [file, says] of [
      ['missing.txt', 'there is no such file'],
      ['empty.txt', 'is empty'],
    ]) {
      const r = await cli([
        'verify',
        join(dir, 'sealed.bin'),
        '--passphrase-file',
        join(dir, file),
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(says);
    }
  });
});

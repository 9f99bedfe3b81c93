// `consilium verify` on the bundle reproducers: a verdict line and an exit code, never a stack
// trace; an unknown signer is named by its fingerprint and refused unless --allow-untrusted.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const DIR = '../shared/data/fuzz-repro/bundle';
const TRUST = ['--trust', `${DIR}/trusted-centerA.pub.pem`];

async function verify(args: string[]) {
  const t0 = performance.now();
  try {
    const { stdout, stderr } = await run(process.execPath, [
      'bin/consilium.mjs',
      'verify',
      ...args,
    ]);
    return { code: 0, stdout, stderr, ms: performance.now() - t0 };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, ms: performance.now() - t0 };
  }
}

describe('consilium verify on hostile bundles', () => {
  it.each([
    ['duplicate-json-keys-signed.zip', 'MANIFEST_DUPLICATE_KEY'],
    ['proto-key-in-params-signed.zip', 'MANIFEST_FORBIDDEN_KEY'],
    ['csv-formula-injection-signed.zip', 'CSV_FORMULA'],
    ['deep-params-stack-overflow.zip', 'MANIFEST_TOO_DEEP'],
    ['deep-params-stack-overflow-signed.zip', 'MANIFEST_TOO_DEEP'],
  ])('%s: REJECTED %s, exit 1, no stack trace', async (name, code) => {
    const r = await verify([`${DIR}/${name}`, ...TRUST]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^REJECTED .*${name}: ${code} \\(.*\\): .+\\n$`));
    expect(r.stderr).toBe('');
    const json = await verify([`${DIR}/${name}`, ...TRUST, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code } });
  });

  it('forged-center-A-untrusted-key.zip: without --trust, exit 1 and "signed by an unknown key <fingerprint>"', async () => {
    const file = `${DIR}/forged-center-A-untrusted-key.zip`;
    for (const args of [[file], [file, ...TRUST]]) {
      const r = await verify(args);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /^REJECTED .*: SIGNATURE_UNTRUSTED \(signature\.json\): The bundle claims "Center A" and is signed by an unknown key [0-9a-f]{64}:/,
      );
      expect(r.stdout).not.toContain('trusted key');
    }
    // Asked to look past the signer, verification still finds the forgery's CSV inconsistent.
    const allowed = await verify([file, '--allow-untrusted']);
    expect(allowed.code).toBe(1);
    expect(allowed.stdout).toContain('CSV_MISMATCH');
  });

  it('pbkdf2-10M-iterations.bin: refused at once, before asking for the passphrase', async () => {
    const r = await verify([`${DIR}/pbkdf2-10M-iterations.bin`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^REJECTED .*: ENCRYPTION_HEADER_INVALID: .*10000000 PBKDF2 iterations/,
    );
  });
});

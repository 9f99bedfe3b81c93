// The zip reproducers of ../shared/data/fuzz-repro/bundle: each is refused with its code by
// verifyBundle and by `consilium verify --trust`, and every reproducer the zip reader does accept
// reads the same in Python's zipfile and unzip.
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importPublicKey, keyFingerprint } from '../crypto/keys';
import { defaultLimits } from './limits';
import { readZipSafely } from './readZip';
import { BundleRejected } from './types';
import { verifyBundle } from './verifyBundle';
import {
  compareWithOtherReaders,
  extractWithPython,
  type Reading,
  type Run,
} from './zip/testing/otherReaders';

const DIR = '../shared/data/fuzz-repro/bundle';
const PEM = join(DIR, 'trusted-centerA.pub.pem');
const execute = promisify(execFile);

const run: Run = (command, args) => {
  try {
    return new Uint8Array(
      execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 }),
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
};

const trusted = async () => [
  await keyFingerprint(await importPublicKey(readFileSync(PEM, 'utf8'))),
];

const REPRODUCERS: [file: string, code: string, member: string | undefined, says: RegExp][] = [
  [
    'zip-differential-cd-points-to-evil-copy.zip',
    'ZIP_UNLISTED_ENTRY',
    undefined,
    /file entry that its central directory does not list/,
  ],
  ['symlink-member-listed-signed.zip', 'ZIP_SYMLINK', 'sr/link.dcm', /symbolic link/],
  [
    'cd-local-method-mismatch.zip',
    'ZIP_MISMATCH',
    'features.csv',
    /local file header and the zip's central directory disagree on its compression method/,
  ],
];

describe('zip reproducers', () => {
  it.each(REPRODUCERS)('%s: verifyBundle refuses it with %s', async (file, code, member, says) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, file)));
    for (const options of [{ trustedKeys: await trusted() }, {}]) {
      const started = performance.now();
      const result = await verifyBundle(bytes, options);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.file).toBe(member);
      expect(result.error.reason).toMatch(says);
    }
  });

  it.each(REPRODUCERS)(
    '%s: consilium verify --trust exits non-zero naming %s',
    async (file, code, member, says) => {
      const path = join(DIR, file);
      const outcome = await execute(process.execPath, [
        'bin/consilium.mjs',
        'verify',
        path,
        '--trust',
        PEM,
      ]).then(
        ({ stdout, stderr }) => ({ exit: 0, stdout, stderr }),
        (err: { code: number; stdout: string; stderr: string }) => ({
          exit: err.code,
          stdout: err.stdout,
          stderr: err.stderr,
        }),
      );
      expect(outcome.exit).not.toBe(0);
      expect(outcome.stdout).toContain(`REJECTED ${path}: ${code}`);
      if (member) expect(outcome.stdout).toContain(`(${member})`);
      expect(outcome.stdout).toMatch(says);
      expect(outcome.stdout).not.toContain('OK ');
      expect(outcome.stderr).toBe('');
    },
  );

  it('the differential reproducer is what it claims: Python extracts the evil features.csv', () => {
    const python = extractWithPython(run, [
      join(DIR, 'zip-differential-cd-points-to-evil-copy.zip'),
    ]);
    if (!python) return console.warn('python3 is not installed: this check was skipped');
    const features = python[0].find(([name]) => name === 'features.csv');
    expect(new TextDecoder().decode(features?.[1])).toMatch(/(^|,)=/m);
  });

  it('every reproducer the zip reader or verify accepts reads the same in Python and unzip', async () => {
    const readings: Reading[] = [];
    let verified = 0;
    for (const file of readdirSync(DIR)
      .filter((f) => f.endsWith('.zip'))
      .sort()) {
      const path = join(DIR, file);
      const bytes = new Uint8Array(readFileSync(path));
      try {
        readings.push({ label: file, path, members: readZipSafely(bytes, defaultLimits) });
      } catch (err) {
        if (!(err instanceof BundleRejected)) throw err;
        continue;
      }
      const result = await verifyBundle(bytes, { trustedKeys: await trusted() });
      if (result.ok) {
        verified++;
        readings.push({ label: `${file} (verified)`, path, members: result.bundle.members });
      }
    }
    // The three zip attacks are refused; the manifest, CSV and trust reproducers are sound zips.
    for (const [file] of REPRODUCERS) expect(readings.map((r) => r.label)).not.toContain(file);
    expect(readings.length).toBeGreaterThanOrEqual(6);
    console.info(
      `${readings.length - verified} reproducers read by the zip reader, ${verified} verified`,
    );
    const { readers, differences } = compareWithOtherReaders(run, readings);
    for (const missing of ['python zipfile', 'unzip'].filter((r) => !readers.includes(r)))
      console.warn(`${missing} is not installed here: that comparison was skipped (CI has it)`);
    expect(differences).toEqual([]);
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sampleResults } from '../core/bundle/sampleResults.ts';
import { writeBundle } from '../core/bundle/writeBundle.ts';

const run = promisify(execFile);

describe('consilium compare', () => {
  it('prints agreement figures as JSON for two valid bundles and refuses a damaged one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-compare-'));
    const software = { name: 'consilium', version: '0.1.0' };
    const results = await sampleResults();
    await writeFile(
      join(dir, 'a.zip'),
      await writeBundle({ center: 'Center A', software, results }),
    );
    await writeFile(
      join(dir, 'b.zip'),
      await writeBundle({ center: 'Center B', software, results }),
    );
    // Unsigned bundles: the comparison refuses them unless asked to take them anyway.
    const refused: { code?: number; stdout: string } = await run(process.execPath, [
      'bin/consilium.mjs',
      'compare',
      join(dir, 'a.zip'),
      join(dir, 'b.zip'),
    ]).catch((e: { code: number; stdout: string }) => e);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^REJECTED .*a\.zip: SIGNATURE_MISSING: .*--allow-untrusted/);
    const { stdout, stderr } = await run(process.execPath, [
      'bin/consilium.mjs',
      'compare',
      join(dir, 'a.zip'),
      join(dir, 'b.zip'),
      '--json',
      '--allow-untrusted',
    ]);
    expect(stderr).toContain('a.zip is not signed (accepted because of --allow-untrusted)');
    const record = JSON.parse(stdout);
    expect(record.ok).toBe(true);
    const c = record.value;
    // Identical results at both centers: perfect agreement on labels and features.
    expect(c.labelAgreement[0]).toMatchObject({ n: 4, percentAgreement: 1, kappa: 1 });
    expect(c.featureAgreement.map((f: { code: string }) => f.code)).toEqual(['GYBY', 'Q4LE']);
    expect(c.featureAgreement[1].icc.icc21).toBeCloseTo(1, 12);
    // Sample truth: cases 1 and 3 malignant with p = 0.25 and 0.75 against 0 and 0.5: 3 of 4 pairs ordered.
    expect(c.roc[0]).toMatchObject({ positiveLabel: 'malignant', auc: 0.75 });

    const bytes = await writeBundle({ center: 'Center C', software, results });
    bytes[bytes.length - 30] ^= 0xff;
    await writeFile(join(dir, 'bad.zip'), bytes);
    const bad: { code?: number; stdout: string } = await run(process.execPath, [
      'bin/consilium.mjs',
      'compare',
      join(dir, 'a.zip'),
      join(dir, 'bad.zip'),
      '--allow-untrusted',
    ]).catch((e: { code: number; stdout: string }) => e);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^REJECTED .*bad\.zip: [A-Z_]+/);
    // With --json the refusal is a Result record naming the bundle.
    const badJson: { code?: number; stdout: string } = await run(process.execPath, [
      'bin/consilium.mjs',
      'compare',
      join(dir, 'a.zip'),
      join(dir, 'bad.zip'),
      '--json',
      '--allow-untrusted',
    ]).catch((e: { code: number; stdout: string }) => e);
    expect(badJson.code).toBe(1);
    expect(JSON.parse(badJson.stdout)).toEqual({
      ok: false,
      error: {
        code: expect.stringMatching(/^[A-Z_]+$/),
        reason: expect.any(String),
        params: expect.objectContaining({ file: join(dir, 'bad.zip') }),
      },
    });
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, importPublicKeyPem } from '../core/crypto/keys.ts';
import { verifyBundle } from '../core/bundle/verifyBundle.ts';
import { importCollaborationKey } from '../core/crypto/hmac.ts';
import { pseudonymousKey } from '../core/deid/pseudonym.ts';

const run = promisify(execFile);
const SERIES = '../shared/data/dicom/series_mr_6slices_256';

describe('consilium analyze', () => {
  it('turns a DICOM series into a signed bundle keyed by pseudonyms, with no identifier inside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-analyze-'));
    await writeFile(join(dir, 'collab.key'), 'shared collaboration secret\n');
    const { stdout } = await run(process.execPath, [
      'bin/consilium.mjs',
      'analyze',
      SERIES,
      '--center',
      'Center A',
      '--key-file',
      join(dir, 'collab.key'),
      '--out',
      join(dir, 'a.zip'),
      '--sign-key',
      join(dir, 'center.jwk'),
      '--bin-count',
      '16',
    ]);
    expect(stdout).toMatch(
      /1 series analysed, 0 predicted \(1 outside the model's scope\), 0 files skipped, 0 analyses failed/,
    );
    const zip = new Uint8Array(await readFile(join(dir, 'a.zip')));
    const trusted = await keyFingerprint(
      await importPublicKeyPem(await readFile(join(dir, 'center.jwk.pub.pem'), 'utf8')),
    );
    const result = await verifyBundle(zip, { trustedKeys: [trusted] });
    if (!result.ok) throw new Error(result.error.reason);
    const [features] = result.bundle.manifest.results.features;
    expect(features.params).toMatchObject({
      discretisation: { kind: 'bin-count', binCount: 16 },
      aggregation: '3d-merged',
    });
    expect(features.features.length).toBeGreaterThan(100);
    expect(features.features.find((f) => f.code === 'Q4LE')?.name).toBeTruthy();

    // The keys are the HMAC pseudonyms of the series' own identifiers, and those never appear.
    const dicom = await readFile(
      join(SERIES, (await import('node:fs')).readdirSync(SERIES).sort()[0]),
    );
    const { parseInstance } = await import('../core/dicom/parse.ts');
    const parsed = parseInstance(new Uint8Array(dicom), 'first');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const key = await importCollaborationKey('shared collaboration secret');
    expect(features.caseKey).toBe(await pseudonymousKey(key, 'patient', parsed.meta.patientID));
    expect(features.seriesKey).toBe(
      await pseudonymousKey(key, 'series', parsed.meta.seriesInstanceUID),
    );
    const texts = Object.values(unzipSync(zip)).map((m) => new TextDecoder().decode(m));
    for (const secret of [
      parsed.meta.patientID,
      parsed.meta.patientName,
      parsed.meta.studyInstanceUID,
      parsed.meta.seriesInstanceUID,
    ].filter((s) => s.length >= 4)) {
      for (const t of texts) expect(t).not.toContain(secret);
    }
  });

  it('gives the same results on worker threads as in one thread, and refuses a bin width of 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-analyze-jobs-'));
    await writeFile(join(dir, 'collab.key'), 'k\n');
    const inputs = [SERIES, '../shared/data/dicom/series_ct_4slices', '--no-model'];
    const key = ['--key-file', join(dir, 'collab.key')];
    const results = [];
    for (const jobs of ['1', '3']) {
      const out = join(dir, `jobs${jobs}.zip`);
      await run(process.execPath, [
        'bin/consilium.mjs',
        'analyze',
        ...inputs,
        ...key,
        '--out',
        out,
        '--jobs',
        jobs,
      ]);
      const v = await verifyBundle(new Uint8Array(await readFile(out)));
      if (!v.ok) throw new Error(v.error.reason);
      results.push(v.bundle.manifest.results);
    }
    expect(results[0].features).toHaveLength(2);
    expect(results[1]).toEqual(results[0]);
    const refused = await run(process.execPath, [
      'bin/consilium.mjs',
      'analyze',
      ...inputs,
      ...key,
      '--out',
      join(dir, 'x.zip'),
      '--bin-width',
      '0',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--bin-width needs a bin size above 0'),
    });
  });
});

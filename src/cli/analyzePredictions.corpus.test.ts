import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../core/bundle/verifyBundle.ts';
import { importCollaborationKey } from '../core/crypto/hmac.ts';
import { pseudonymousKey } from '../core/deid/pseudonym.ts';

const run = promisify(execFile);
const D = '../shared/data/dicom';
const CHEST = [`${D}/cr_mono1_uncompressed_10bit.dcm`, `${D}/dx_mono1_j2k_lossless_12bit.dcm`];

interface InferLine {
  sopInstanceUID: string;
  probabilities: Record<string, number>;
  predictedLabel: string;
  model: { sha256: string };
}

describe('consilium analyze with the default model', () => {
  it('puts the same probabilities in the bundle as consilium infer prints, keyed by pseudonyms', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-analyze-model-'));
    await writeFile(join(dir, 'collab.key'), 'shared collaboration secret\n');
    const { stdout } = await run(process.execPath, [
      'bin/consilium.mjs',
      'analyze',
      ...CHEST,
      `${D}/series_ct_4slices`,
      '--collab-key',
      join(dir, 'collab.key'),
      '--out',
      join(dir, 'a.zip'),
    ]);
    // Two chest images predicted; the CT series is analysed but outside the model's scope.
    expect(stdout).toMatch(/3 series analysed, 2 predicted \(1 outside the model's scope\)/);

    const infer = await run(process.execPath, ['bin/consilium.mjs', 'infer', ...CHEST, '--json']);
    const records = infer.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok: boolean; value: InferLine });
    expect(records.every((r) => r.ok)).toBe(true);
    const lines = records.map((r) => r.value);

    const verified = await verifyBundle(new Uint8Array(await readFile(join(dir, 'a.zip'))));
    if (!verified.ok) throw new Error(verified.error.reason);
    const { predictions } = verified.bundle.manifest.results;
    expect(predictions).toHaveLength(2);
    // Each predicted study has its DICOM SR, as a workbench export has (the CT has no prediction).
    const reports = verified.bundle.manifest.members.filter((m) => m.name.startsWith('sr/'));
    expect(reports.map((m) => m.name).sort()).toEqual(
      [...new Set(predictions.map((p) => `sr/${p.studyKey}.dcm`))].sort(),
    );

    const key = await importCollaborationKey('shared collaboration secret');
    const { parseInstance } = await import('../core/dicom/parse.ts');
    for (const [i, file] of CHEST.entries()) {
      const parsed = parseInstance(new Uint8Array(await readFile(file)), file);
      if (!parsed.ok) throw new Error(parsed.error.reason);
      const seriesKey = await pseudonymousKey(key, 'series', parsed.meta.seriesInstanceUID);
      const p = predictions.find((x) => x.seriesKey === seriesKey);
      expect(p, file).toBeDefined();
      // A one-image series: its mean probability is the image's probability.
      for (const [label, prob] of Object.entries(lines[i].probabilities))
        expect(p!.probabilities[label]).toBeCloseTo(prob, 6);
      expect(p!.predicted).toBe(lines[i].predictedLabel);
      expect(p!.model.sha256).toBe(lines[i].model.sha256);
    }
  });
});

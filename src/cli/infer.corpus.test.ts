// `consilium infer` over the shared DICOM corpus: every file gets exactly one line; the CR chest
// image is classified, other modalities and broken files get clear errors; a bad model fails cleanly.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dicom = '../shared/data/dicom';

async function infer(args: string[]) {
  try {
    const { stdout } = await run('node', ['bin/consilium.mjs', 'infer', ...args, '--json']);
    return {
      code: 0,
      lines: stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return {
      code: e.code,
      lines: e.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    };
  }
}

describe('consilium infer', () => {
  it('classifies the CR chest image and reports every other file in the corpus folder', async () => {
    const card = JSON.parse(readFileSync('public/models/pneumonia-cnn.card.json', 'utf8'));
    const manifest = readFileSync(join(dicom, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
    const { code, lines } = await infer([dicom]);
    expect(code).toBe(0);
    // One line per file in the tree (the .dcm files plus README/TSVs, which are "not-dicom").
    expect(lines.length).toBeGreaterThanOrEqual(manifest.length - 1);
    // Every line is a Result record: {ok, value} or {ok: false, error: {code, reason, params}}.
    const fileOf = (l: {
      ok: boolean;
      value?: { file: string };
      error?: { params: { file: string } };
    }) => (l.ok ? l.value!.file : l.error!.params.file);
    for (const l of lines) expect(Object.keys(l)).toEqual(['ok', l.ok ? 'value' : 'error']);
    const line = (name: string) => lines.find((l) => fileOf(l).endsWith(name));
    const crLine = line('cr_mono1_uncompressed_10bit.dcm');
    expect(crLine.ok).toBe(true);
    const cr = crLine.value;
    expect(cr.file).toBe(join(dicom, 'cr_mono1_uncompressed_10bit.dcm'));
    expect(cr.sopInstanceUID).toMatch(/^[0-9.]+$/);
    expect(cr.model).toEqual({
      name: 'pneumonia-cnn',
      version: card.version,
      sha256: card.model.sha256,
    });
    expect(cr.probabilities.normal + cr.probabilities.pneumonia).toBeCloseTo(1, 5);
    expect(['normal', 'pneumonia']).toContain(cr.predictedLabel);
    expect(line('ct_JPEG2000.dcm')).toMatchObject({
      ok: false,
      error: { code: 'image-unsupported', params: { file: join(dicom, 'ct_JPEG2000.dcm') } },
    });
    expect(line('README.md')).toMatchObject({ ok: false, error: { code: 'not-dicom' } });
  });

  it('gives one clear error line for a corrupt model and for a card that belongs to another model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consilium-infer-'));
    const model = readFileSync('public/models/pneumonia-cnn.onnx');
    writeFileSync(join(dir, 'broken.onnx'), model.subarray(0, 5000));
    writeFileSync(
      join(dir, 'broken.card.json'),
      readFileSync('public/models/pneumonia-cnn.card.json'),
    );
    const image = join(dicom, 'cr_mono1_uncompressed_10bit.dcm');
    const broken = await infer([image, '--model', join(dir, 'broken.onnx')]);
    expect(broken.code).toBe(1);
    expect(broken.lines).toEqual([
      {
        ok: false,
        error: {
          code: 'model-unreadable',
          reason: expect.any(String),
          params: { file: join(dir, 'broken.onnx') },
        },
      },
    ]);

    const card = JSON.parse(readFileSync('public/models/pneumonia-cnn.card.json', 'utf8'));
    card.output.tensorName = 'probabilities';
    writeFileSync(join(dir, 'other.card.json'), JSON.stringify(card));
    const other = await infer([
      image,
      '--model',
      'public/models/pneumonia-cnn.onnx',
      '--card',
      join(dir, 'other.card.json'),
    ]);
    expect(other.lines[0]).toMatchObject({ ok: false, error: { code: 'model-output-mismatch' } });
    expect(other.lines[0].error.reason).toContain('"probabilities" is not an output of the model');
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../decode.ts';
import { parseInstance } from '../parse.ts';
import { MULTIFRAME_GRAYSCALE_WORD_SC, secondaryCapture } from './secondaryCapture.ts';

const dims = [7, 5, 3] as const;
const values = new Float32Array(dims[0] * dims[1] * dims[2]).map(
  (_, i) => Math.sin(i / 3) * 120.5 - 0.25 * i,
);
const bytes = secondaryCapture({
  dims,
  values,
  sliceLocationsMm: [-10, -7.5, -5],
  description: 'LoG sigma=3 mm',
  source: {
    patientName: 'Doe^Jane',
    patientID: 'P-1',
    studyInstanceUID: '2.25.1234',
    studyDate: '20240101',
  },
  createdAt: '2026-12-06T07:30:00Z',
});

function findDciodvfy(): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v dciodvfy'], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}
const dciodvfy = findDciodvfy();

describe('a derived image as a Multi-frame Grayscale Word Secondary Capture', () => {
  it('reads back through our own parser and decoder to the same values, in the source study', async () => {
    const parsed = parseInstance(bytes, 'derived.dcm');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    expect(parsed.meta.sopClassUID).toBe(MULTIFRAME_GRAYSCALE_WORD_SC);
    expect(parsed.meta.studyInstanceUID).toBe('2.25.1234');
    expect(parsed.meta.patientID).toBe('P-1');
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
    const step = (max - min) / 65535;
    const plane = dims[0] * dims[1];
    for (let f = 0; f < dims[2]; f++) {
      const frame = await decodeFrame(bytes, parsed.meta, f);
      expect(frame.columns).toBe(dims[0]);
      expect(frame.rows).toBe(dims[1]);
      let worst = 0;
      for (let i = 0; i < plane; i++)
        worst = Math.max(worst, Math.abs(frame.values[i] - values[f * plane + i]));
      expect(worst).toBeLessThanOrEqual(step / 2 + 1e-6);
    }
  });

  it('refuses values that do not fill the grid, or are not finite', () => {
    const base = {
      sliceLocationsMm: [0],
      description: 'x',
      source: { patientName: '', patientID: '', studyInstanceUID: '2.25.1', studyDate: '' },
    };
    expect(() =>
      secondaryCapture({ ...base, dims: [2, 2, 1], values: new Float32Array(3) }),
    ).toThrow(/do not fill/);
    expect(() =>
      secondaryCapture({ ...base, dims: [1, 1, 1], values: new Float32Array([NaN]) }),
    ).toThrow(/not finite/);
  });

  it.skipIf(!dciodvfy)('passes dciodvfy (dicom3tools) with no errors', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'consilium-sc-')), 'derived.dcm');
    writeFileSync(path, bytes);
    const check = spawnSync(dciodvfy!, [path], { encoding: 'utf8' });
    const output = `${check.stdout}${check.stderr}`;
    expect(output).toContain('MultiframeGrayscaleWordSCImage');
    expect(output.split('\n').filter((l) => /^Error/.test(l))).toEqual([]);
  });
});

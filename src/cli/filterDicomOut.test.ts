// `consilium filter <series> --out map.dcm`: the response map as a Secondary Capture in the
// series' own study, whose decoded values are the NIfTI map's to within one storage step.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../core/dicom/decode.ts';
import { makeDemoSeries } from '../core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import { MULTIFRAME_GRAYSCALE_WORD_SC } from '../core/dicom/write/secondaryCapture.ts';
import { readNifti } from '../core/masks/nifti.ts';

const run = promisify(execFile);

describe('consilium filter --out map.dcm', () => {
  it('writes the map into the series’ study, the same values as the NIfTI map', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-filter-dcm-'));
    const series = join(dir, 'series');
    await mkdir(series);
    const demo = makeDemoSeries({ slices: 4, size: 32 });
    for (const d of demo) await writeFile(join(series, d.name), d.bytes);
    const args = ['bin/consilium.mjs', 'filter', series, '--filter', 'mean', '--support', '3'];
    await run(process.execPath, [...args, '--out', join(dir, 'map.dcm')]);
    await run(process.execPath, [...args, '--out', join(dir, 'map.nii')]);
    const nifti = readNifti(await readFile(join(dir, 'map.nii')), 'map.nii');
    const bytes = new Uint8Array(await readFile(join(dir, 'map.dcm')));
    const parsed = parseInstance(bytes, 'map.dcm');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const source = parseInstance(demo[0].bytes, demo[0].name);
    if (!source.ok) throw new Error(source.error.reason);
    expect(parsed.meta.sopClassUID).toBe(MULTIFRAME_GRAYSCALE_WORD_SC);
    expect(parsed.meta.studyInstanceUID).toBe(source.meta.studyInstanceUID);
    expect(parsed.meta.patientID).toBe(source.meta.patientID);
    let min = Infinity;
    let max = -Infinity;
    for (const v of nifti.values) [min, max] = [Math.min(min, v), Math.max(max, v)];
    const step = (max - min) / 65535;
    const plane = 32 * 32;
    for (let z = 0; z < 4; z++) {
      const frame = await decodeFrame(bytes, parsed.meta, z);
      let worst = 0;
      for (let i = 0; i < plane; i++)
        worst = Math.max(worst, Math.abs(frame.values[i] - nifti.values[z * plane + i]));
      expect(worst).toBeLessThanOrEqual(step / 2 + 1e-4 * Math.max(1, Math.abs(min)));
    }
  });
});

// Every file of the shared corpus against the independent reference (pydicom + GDCM, dcmtk,
// OpenJPEG): files the reference rejects must fail with a plain reason, the others must decode
// to the same first-frame statistics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectFile } from './inspectFile.ts';
import { parseInstance } from './parse.ts';
import { transferSyntaxInfo } from './transferSyntax.ts';

const corpus = join(process.cwd(), '../shared/data/dicom');

function table(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(corpus, name), 'utf8').trimEnd().split('\n');
  const columns = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

const manifest = new Map(table('MANIFEST.tsv').map((row) => [row.file, row]));
const reference = table('REFERENCE.tsv');

describe('DICOM corpus', () => {
  it('has a reference row for every manifest file', () => {
    expect(reference.map((r) => r.file).sort()).toEqual([...manifest.keys()].sort());
  });

  for (const ref of reference) {
    const row = manifest.get(ref.file);
    it(`${ref.file}: ${ref.decodes === 'no' ? 'is rejected with a reason' : 'decodes like the reference'}`, async () => {
      const bytes = new Uint8Array(readFileSync(join(corpus, ref.file)));
      const report = await inspectFile(bytes, ref.file);
      if (ref.decodes === 'no') {
        expect(report.ok).toBe(false);
        expect(report.code).toBeTruthy();
        expect(report.error?.length).toBeGreaterThan(10);
        return;
      }
      expect(report.error).toBeUndefined();
      expect(report.ok).toBe(true);
      expect(report.rows).toBe(Number(row?.rows));
      expect(report.columns).toBe(Number(row?.columns));

      let [min, max, mean] = [Number(ref.min), Number(ref.max), Number(ref.mean)];
      const parsed = parseInstance(bytes, ref.file);
      if (!parsed.ok) throw new Error(parsed.error.reason);
      const { rescaleSlope: slope, rescaleIntercept: intercept } = parsed.meta;
      if (row?.rescale === '' && (slope !== 1 || intercept !== 0)) {
        // Enhanced objects keep Rescale Slope/Intercept in functional groups, which the
        // reference reader ignores: compare after applying the rescale the file declares.
        [min, max, mean] = [
          min * slope + intercept,
          max * slope + intercept,
          mean * slope + intercept,
        ];
      }
      const lossy = transferSyntaxInfo(report.transferSyntaxUID ?? '')?.lossy ?? false;
      // Lossless: equal to the 6 significant digits the reference prints.
      // Lossy: within 1% of the value range, since JPEG decoders may round differently.
      const tolerance = (value: number): number =>
        lossy ? 0.01 * (max - min) : Math.max(1e-5 * Math.abs(value), 1e-4);
      expect(Math.abs((report.min ?? NaN) - min)).toBeLessThanOrEqual(tolerance(min));
      expect(Math.abs((report.max ?? NaN) - max)).toBeLessThanOrEqual(tolerance(max));
      expect(Math.abs((report.mean ?? NaN) - mean)).toBeLessThanOrEqual(tolerance(mean));
    });
  }
});

// A demo CT series written to a temporary folder, for the benchmarks that load files in Chromium.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';

export function writeDemoFiles(
  slices: number,
  size: number,
): { dir: string; files: string[]; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-bench-'));
  const ctx = newDemoContext({ slices, size });
  let bytes = 0;
  const files = Array.from({ length: slices }, (_, k) => {
    const f = demoSliceFile(ctx, k);
    bytes += f.bytes.length;
    writeFileSync(join(dir, f.name), f.bytes);
    return join(dir, f.name);
  });
  return { dir, files, bytes };
}

// Writes the synthetic CT phantom series to a folder, for tests and benchmarks.
// Usage: npx tsx tools/make-demo-series.ts <dir> [--slices N] [--size S]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { slices: { type: 'string', default: '200' }, size: { type: 'string', default: '512' } },
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write('Usage: npx tsx tools/make-demo-series.ts <dir> [--slices N] [--size S]\n');
  process.exit(2);
}
const ctx = newDemoContext({ slices: Number(values.slices), size: Number(values.size) });
mkdirSync(dir, { recursive: true });
let bytes = 0;
// One slice at a time, so a 200 × 512² series never sits in memory whole.
for (let k = 0; k < ctx.slices; k++) {
  const file = demoSliceFile(ctx, k);
  writeFileSync(join(dir, file.name), file.bytes);
  bytes += file.bytes.length;
}
process.stdout.write(
  `${ctx.slices} slices of ${ctx.size}×${ctx.size} (${(bytes / 1e6).toFixed(1)} MB) in ${dir}\n`,
);

// One filter on a 512 x 512 x N volume in a process of its own, for bench/filters.bench.ts's
// memory figures: prints one JSON line with the peak resident set (the kernel's high-water mark,
// so nothing between samples is missed) before and after the filter ran.
// Usage: tsx bench/filtersMemory.ts <spec> <slices> <fast|reference>
import { filterResponse } from '../src/core/filters/applyFilter.ts';
import { useFilterSimd } from '../src/core/filters/simd/tapsWasm.ts';
import { parseFilterSpec } from '../src/core/filters/spec.ts';

const [text, slicesArg, path] = process.argv.slice(2);
const nz = Number(slicesArg);
const [nx, ny] = [512, 512];
// CT-like values as a series' int16 pixels become float32 modality values
const values = new Float32Array(nx * ny * nz);
let seed = 12345;
for (let i = 0; i < values.length; i++) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  const x = i % nx;
  const y = Math.floor(i / nx) % ny;
  const inside = (x - 256) ** 2 / 200 ** 2 + (y - 256) ** 2 / 150 ** 2 < 1;
  values[i] = Math.round((inside ? 40 : -1000) + (seed / 2 ** 32 - 0.5) * 200);
}
useFilterSimd(path !== 'reference');
const mb = (kb: number) => Math.round(kb / 1024);
const before = process.resourceUsage().maxRSS;
const t0 = performance.now();
const out = filterResponse(
  { values, dims: [nx, ny, nz], spacingMm: [0.78125, 0.78125, 1.5] },
  parseFilterSpec(text),
);
const ms = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    rssBeforeMb: mb(before),
    peakRssMb: mb(process.resourceUsage().maxRSS),
    volumeMb: Math.round(values.byteLength / 2 ** 20),
    ms: Math.round(ms),
    voxels: out.length,
  }) + '\n',
);

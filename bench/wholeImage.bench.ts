// Whole-image 3D features of a CT series, as `consilium analyze` and the Bundles tab compute them
// (every family, default settings, the mask all ones), and all families on a 50,000-voxel
// tumour-like ROI. A synthetic CT-like int16 volume (air, body, lungs, spine, noise) of
// 256x256x100 (quick) and 512x512x200 (the size; WHOLE_IMAGE_FULL=0 skips it). The
// 'dicom' lines read the 200-slice 512² demo CT from its files as `consilium features` does
// (cli/seriesStack.ts: each frame decoded into the int16 volume), so their peak includes the
// decoding (WHOLE_IMAGE_DICOM=0 skips them).
// Each family runs in its own child process so its peak RSS is its own: one line per family
// with ms, the peak RSS above the process's RSS once the volume is built (bytes per voxel), and
// the peak above Node's own RSS before the image, per byte of the image as int16. The volume
// is held as `consilium features` holds an integer series: int16 values, no whole-image mask.
// Single thread per family line (threads: 1); the 'all-threads' line runs with the families split
// over N threads sharing the volume (this one and N - 1 workers, N = the machine's cores up to
// 4), those without grey levels first, then the levels and the rest (src/cli/familyThreads.ts),
// as `consilium features --jobs N` computes one whole-image series. CPU time is the figure to compare on a loaded
// machine. Usage: npm run bench -- wholeImage
// (WHOLE_IMAGE_FULL=0: the quick size only; WHOLE_IMAGE_FAMILIES=a,b: only those families).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { computeFeatures } from '../src/core/analysis/computeFeatures.ts';
import type { FamilyId } from '../src/core/analysis/featureDef.ts';
import { computeFeaturesInThreads } from '../src/cli/familyThreads.ts';
import { defaultParams } from '../src/core/analysis/params.ts';
import { familyDefs } from '../src/core/analysis/registry.ts';
import type { Dims, RoiVolume } from '../src/core/analysis/volume.ts';
import { indexSeries } from '../src/cli/io/seriesIndex.ts';
import { stackSeries } from '../src/cli/seriesStack.ts';
import { writeDemoFiles } from './demoFiles.ts';
import { report } from './report.ts';

/** Deterministic CT-like int16 slices: body ellipse (soft tissue), two lungs, a spine, noise. */
export function syntheticCt(dims: Dims): Int16Array {
  const [nx, ny, nz] = dims;
  const out = new Int16Array(nx * ny * nz);
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) {
        const u = (x - nx / 2) / (nx * 0.42);
        const v = (y - ny / 2) / (ny * 0.32);
        let hu = -1000;
        if (u * u + v * v < 1) {
          hu = 40 + 10 * Math.sin(x / 7 + z / 5);
          const l = (x - nx * 0.32) / (nx * 0.13);
          const r = (x - nx * 0.68) / (nx * 0.13);
          const w = (y - ny * 0.47) / (ny * 0.2);
          if (l * l + w * w < 1 || r * r + w * w < 1) hu = -850;
          const s = (x - nx / 2) / (nx * 0.05);
          const t = (y - ny * 0.72) / (ny * 0.05);
          if (s * s + t * t < 1) hu = 700;
        }
        out[i] = Math.round(hu + (rand() + rand() + rand() - 1.5) * 30);
      }
  return out;
}

const sizes: Record<string, Dims> = { quick: [256, 256, 100], full: [512, 512, 200] };
const spacingMm = [0.8, 0.8, 1.5] as const;

/** A tumour-like ellipsoid of about 50,000 voxels in the volume's body. */
function tumourMask(dims: Dims): Uint8Array {
  const [nx, ny, nz] = dims;
  const mask = new Uint8Array(nx * ny * nz);
  const [cx, cy, cz] = [nx * 0.5, ny * 0.45, nz / 2];
  const [rx, ry, rz] = [29.4, 27.1, 15];
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) {
        const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 + ((z - cz) / rz) ** 2;
        mask[i] = d < 1 ? 1 : 0;
      }
  return mask;
}

/** A folder's one series read, decoded and stacked as `consilium features` does. */
async function stackedDicom(dir: string): Promise<RoiVolume> {
  const { series } = await indexSeries([dir]);
  const errors: Parameters<typeof stackSeries>[1] = [];
  const stacked = await stackSeries(series[0], errors);
  if (!stacked || errors.length > 0) throw new Error(`${dir}: ${JSON.stringify(errors[0])}`);
  return stacked.volume();
}

/** In the child: build the volume, run one family (or all, or none: the shared preparation;
 * 'all-threads': all, families split over worker threads). */
async function child(size: string, roiKind: string, family: string): Promise<void> {
  const dims = sizes[size];
  (globalThis as { gc?: () => void }).gc?.();
  // Node's own footprint, before the image: the goal is about what the image and features add.
  const nodeRss = process.memoryUsage().rss;
  // As the CLI stacks an integer series: the int16 values themselves, and no mask for the whole
  // image; 'dicom': the CLI's own reading and stacking of the demo CT's files.
  const mask = roiKind === 'tumour' ? tumourMask(dims) : undefined;
  const roi: RoiVolume =
    roiKind === 'dicom'
      ? await stackedDicom(process.env.WHOLE_IMAGE_DIR ?? '')
      : { values: syntheticCt(dims), ...(mask ? { mask } : {}), dims, spacingMm };
  const families =
    family === 'all' || family === 'all-threads'
      ? (Object.keys(familyDefs) as FamilyId[])
      : family === 'none'
        ? []
        : [family as FamilyId];
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const threads = family === 'all-threads' ? Math.min(4, availableParallelism()) : 1;
  // As `consilium features --jobs N` computes one large series (src/cli/familyThreads.ts).
  const set =
    threads > 1
      ? await computeFeaturesInThreads(roi, defaultParams, families, threads)
      : computeFeatures(roi, defaultParams, families);
  const nan = set.features.filter((f) => !Number.isFinite(f.value)).length;
  const ms = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  // CPU time as well: on a shared, loaded machine it moves far less than wall time.
  const cpuMs = (c1.user + c1.system) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  const roiVoxels = set.roiVoxels;
  process.stdout.write(
    JSON.stringify({ ms, cpuMs, nodeRss, baseRss: base, peakRss: peak, roiVoxels, nan, threads }) +
      '\n',
  );
}

function measure(size: string, roiKind: string, family: string, dir = ''): void {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16000', '--import', 'tsx', self, size, roiKind, family],
    { encoding: 'utf8', timeout: 900_000, env: { ...process.env, WHOLE_IMAGE_DIR: dir } },
  );
  const dims = sizes[size];
  const voxels = dims[0] * dims[1] * dims[2];
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    report({
      bench: 'wholeImage',
      size: dims.join('x'),
      roi: roiKind,
      family,
      failed: r.stderr.slice(-400),
    });
    return;
  }
  const m = JSON.parse(line) as {
    ms: number;
    cpuMs: number;
    nodeRss: number;
    baseRss: number;
    peakRss: number;
    roiVoxels: number;
    nan: number;
    threads: number;
  };
  report({
    bench: 'wholeImage',
    size: dims.join('x'),
    roi: roiKind,
    roiVoxels: m.roiVoxels,
    family,
    threads: m.threads,
    ms: Math.round(m.ms),
    cpuMs: Math.round(m.cpuMs),
    peakRssMiB: Math.round(m.peakRss / 2 ** 20),
    // Above the volume itself (int16 values, and a tumour's mask, already held): what the
    // features cost.
    extraBytesPerVoxel: Math.round(((m.peakRss - m.baseRss) / voxels) * 10) / 10,
    // Image and features together above Node's own RSS, in units of the image's int16 size
    // (issue 13's goal: at most 3).
    aboveNodeMiB: Math.round((m.peakRss - m.nodeRss) / 2 ** 20),
    aboveNodePerInt16: Math.round(((m.peakRss - m.nodeRss) / (2 * voxels)) * 100) / 100,
    peakBytesPerVoxel: Math.round((m.peakRss / voxels) * 10) / 10,
    nonFinite: m.nan,
  });
}

export async function run(): Promise<void> {
  const only = process.env.WHOLE_IMAGE_FAMILIES?.split(',');
  const families = only ?? ['none', ...Object.keys(familyDefs), 'all', 'all-threads'];
  const runSizes = process.env.WHOLE_IMAGE_FULL === '0' ? ['quick'] : ['quick', 'full'];
  for (const size of runSizes) for (const f of families) measure(size, 'whole', f);
  for (const f of only ?? ['all']) measure('quick', 'tumour', f);
  if (process.env.WHOLE_IMAGE_FULL !== '0' && process.env.WHOLE_IMAGE_DICOM !== '0') {
    const { dir } = writeDemoFiles(sizes.full[2], sizes.full[0]);
    try {
      for (const f of only ?? ['all', 'all-threads']) measure('full', 'dicom', f, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.length >= 5)
  // Not a top-level await: other benches import syntheticCt from this module.
  child(process.argv[2], process.argv[3], process.argv[4]).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });

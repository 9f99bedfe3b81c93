// IBSI 2 filters: each filter on a 512 x 512 x 200 CT-like volume (0.78 x 0.78 x 1.5 mm), 3D,
// and on one 512 x 512 slice, one thread, against scipy.ndimage (uniform_filter,
// gaussian_laplace, convolve) and PyWavelets (swtn) on the same array in the same run (python3
// in a child process, run after ours). One JSON line per figure.
// FILTERS_BENCH_SLICES=N uses N slices instead of 200 (a quick look on a busy machine);
// FILTERS_BENCH_ONLY=mean,log times only the filters named; FILTERS_BENCH_IMAGES=slice only the slice.
// Memory: each separable filter and Simoncelli (in z slabs) on a 512 x 512 x 400 volume in a
// process of its own (bench/filtersMemory.ts), its peak resident set against the input and
// output volumes, for the fast path and the reference (FILTERS_BENCH_MEMORY_SLICES=N, 0 for none;
// FILTERS_BENCH_MEMORY_PATHS=fast to skip the slow reference). The filters with a peer are timed
// on the WASM path and on the plain reference (what ran before it) in the same run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImageVolume } from '../src/core/analysis/volume.ts';
import { filterResponse } from '../src/core/filters/applyFilter.ts';
import { useFilterSimd } from '../src/core/filters/simd/tapsWasm.ts';
import { parseFilterSpec } from '../src/core/filters/spec.ts';
import { report } from './report.ts';

const slices = Number(process.env.FILTERS_BENCH_SLICES ?? 200);
/** FILTERS_BENCH_ONLY=mean,log times only those. */
const only = process.env.FILTERS_BENCH_ONLY?.split(',') ?? null;
/** FILTERS_BENCH_IMAGES=slice times the slice alone. */
const images = process.env.FILTERS_BENCH_IMAGES ?? 'both';
/** Median of 15 runs on the slice (milliseconds each: one run is noise on a shared machine);
 * one run on the volume. */
const repeats = { '3D': 1, slice: 15 } as const;

function syntheticCt(nz: number): ImageVolume {
  const [nx, ny] = [512, 512];
  const values = new Float32Array(nx * ny * nz);
  let seed = 12345;
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        const dx = (x - nx / 2) / (nx * 0.4);
        const dy = (y - ny / 2) / (ny * 0.3);
        const tissue = 40 + 60 * Math.sin(x * 0.05 + z * 0.03) * Math.cos(y * 0.04);
        values[x + nx * (y + ny * z)] = Math.round(
          (dx * dx + dy * dy < 1 ? tissue : -1000) + (seed / 2 ** 32 - 0.5) * 40,
        );
      }
  return { values, dims: [nx, ny, nz], spacingMm: [0.78125, 0.78125, 1.5] };
}

/** Median wall and CPU time (user + system of the whole process: on a machine shared with other
 * work the CPU time is the fairer figure, and the peer reports its own the same way) and the
 * fastest run (the least disturbed; what the slice's few milliseconds are compared by). */
function medianMs(
  fn: () => Float32Array,
  runs: number,
): { ms: number; bestMs: number; cpuMs: number; sum: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let sum = 0;
  if (runs > 1) fn(); // warm-up: the JIT's first compile is not the filter's speed
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    sum = out.reduce((s, v) => s + Math.abs(v), 0);
  }
  const median = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { ms: median(times), bestMs: Math.min(...times), cpuMs: median(cpu), sum };
}

/** The filters timed, with the scipy/PyWavelets figure each is compared with. */
const specs: { name: string; spec: string; peer?: string; bands?: number }[] = [
  { name: 'mean', spec: 'mean:support=15,boundary=mirror', peer: 'mean' },
  { name: 'log', spec: 'log:sigma=3,boundary=mirror', peer: 'log' },
  { name: 'laws', spec: 'laws:kernel=E5L5S5,boundary=mirror', peer: 'laws' },
  {
    name: 'wavelet',
    spec: 'wavelet:wavelet=db2,response=LHL,boundary=periodic',
    peer: 'wavelet',
    bands: 8,
  },
  {
    name: 'laws-rotation-invariant',
    spec: 'laws:kernel=E5L5S5,boundary=mirror,rotation-invariant,delta=7',
  },
  { name: 'gabor', spec: 'gabor:sigma=3,lambda=2,gamma=1,theta=30,boundary=mirror' },
  { name: 'simoncelli', spec: 'simoncelli:level=1,boundary=periodic' },
  { name: 'riesz-log', spec: 'riesz-log:sigma=3,order=100,boundary=periodic' },
];

function peerTimes(img: ImageVolume, runs: number): Map<string, Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'filters-bench-'));
  const out = new Map<string, Record<string, unknown>>();
  try {
    const raw = join(dir, 'ct.f32');
    writeFileSync(raw, img.values);
    const text = execFileSync(
      '/usr/bin/python3',
      [
        new URL('../tools/filters/filters_peer.py', import.meta.url).pathname,
        raw,
        ...img.dims.map(String),
        ...img.spacingMm.map(String),
        String(runs),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    for (const line of text.trim().split('\n')) {
      const r = JSON.parse(line) as Record<string, unknown>;
      if (typeof r.filter === 'string') out.set(r.filter, r);
      else out.set('*', r);
    }
  } catch (e) {
    out.set('*', { skipped: `python3 peer failed: ${String(e)}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** FILTERS_BENCH_REFERENCE=0 leaves out the plain reference's figures. */
const withReference = process.env.FILTERS_BENCH_REFERENCE !== '0';
const memorySlices = Number(process.env.FILTERS_BENCH_MEMORY_SLICES ?? 400);
const memoryPaths = (process.env.FILTERS_BENCH_MEMORY_PATHS ?? 'fast,reference').split(',');

function memoryFigures(): void {
  const child = fileURLToPath(new URL('./filtersMemory.ts', import.meta.url));
  for (const s of specs) {
    const fourier = s.name === 'simoncelli';
    if ((!s.peer && !fourier) || (only && !only.includes(s.name))) continue;
    // the whole-volume transform the slabs replace would need 1.7 GB of spectrum and minutes
    for (const path of fourier ? memoryPaths.filter((p) => p === 'fast') : memoryPaths) {
      const line = execFileSync(
        process.execPath,
        [...process.execArgv, child, s.spec, String(memorySlices), path],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const r = JSON.parse(line) as Record<string, number>;
      const volumes = 2 * r.volumeMb; // the input and the response, float32
      report({
        bench: 'filters',
        figure: 'peak memory',
        filter: s.name,
        spec: s.spec,
        path,
        image: `512x512x${memorySlices}`,
        ms: r.ms,
        peakRssMb: r.peakRssMb,
        rssBeforeMb: r.rssBeforeMb,
        inputPlusOutputMb: volumes,
        // what the filter added over the process with its input, in response volumes
        addedOverOutput: Math.round(((r.peakRssMb - r.rssBeforeMb) / r.volumeMb) * 100) / 100,
      });
    }
  }
}

/** Every filter compared with a peer 20 times on a small volume and a slice first, pausing
 * between runs: the JIT and WebAssembly's optimizing tier compile on background threads
 * (seconds on a busy machine) while the first runs go slower, which is not the filter's speed. */
async function warmUp(slice: ImageVolume): Promise<void> {
  const small: ImageVolume = { ...syntheticCt(1), dims: [64, 64, 64] };
  for (const s of specs) {
    if (!s.peer || (only && !only.includes(s.name))) continue;
    const twoD = parseFilterSpec(s.spec.replace('E5L5S5', 'E5L5').replace('LHL', 'LH') + ',2d');
    for (let i = 0; i < 20; i++) {
      filterResponse(small, parseFilterSpec(s.spec));
      filterResponse(slice, twoD);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

export async function run(): Promise<void> {
  if (images !== 'slice' && memorySlices > 0) memoryFigures();
  const volume = syntheticCt(slices);
  const slice = {
    ...volume,
    values: volume.values.slice(0, 512 * 512),
    dims: [512, 512, 1] as const,
  };
  await warmUp(slice);
  const peers3d = images === 'slice' ? new Map() : peerTimes(volume, repeats['3D']);
  const peers2d = peerTimes(slice, repeats.slice);
  for (const [label, img, peers] of [
    ['3D', volume, peers3d],
    ['slice', slice, peers2d],
  ] as const) {
    for (const s of specs) {
      if (only && !only.includes(s.name)) continue;
      // On a slice the 2D filter: Laws takes two kernels there, the wavelet two letters.
      const text =
        label === '3D' ? s.spec : s.spec.replace('E5L5S5', 'E5L5').replace('LHL', 'LH') + ',2d';
      const spec = parseFilterSpec(text);
      if (label === '3D' && slices > 50 && !s.peer) {
        // The filters without a peer (24 rotations; 3D FFTs of 52 M voxels) on the whole volume
        // take minutes each; their slice figures show their speed.
        continue;
      }
      if (label === '3D' && images === 'slice') continue;
      const peer = s.peer ? (peers.get(s.peer) ?? peers.get('*')) : undefined;
      const peerMs = typeof peer?.ms === 'number' ? peer.ms : null;
      const peerCpuMs = typeof peer?.cpuMs === 'number' ? peer.cpuMs : null;
      const peerBestMs = typeof peer?.bestMs === 'number' ? peer.bestMs : null;
      // the plain reference too (what ran before the WASM path), for the filters with a peer
      for (const path of s.peer && withReference ? ['wasm', 'reference'] : ['wasm']) {
        useFilterSimd(path === 'wasm');
        const { ms, bestMs, cpuMs, sum } = medianMs(
          () => filterResponse(img, spec),
          repeats[label],
        );
        useFilterSimd(true);
        report({
          bench: 'filters',
          filter: s.name,
          spec: text,
          path,
          image: label === '3D' ? `512x512x${slices}` : '512x512',
          ms: Math.round(ms),
          cpuMs: Math.round(cpuMs),
          bestMs: Math.round(bestMs * 100) / 100,
          mvoxPerS: Math.round((img.values.length / ms / 1000) * 10) / 10,
          threads: 1,
          ...(peer
            ? {
                peer: peer.peer ?? null,
                peerMs: peerMs === null ? null : Math.round(peerMs),
                speedup: peerMs === null ? null : Math.round((peerMs / ms) * 100) / 100,
                peerCpuMs: peerCpuMs === null ? null : Math.round(peerCpuMs),
                peerBestMs: peerBestMs === null ? null : Math.round(peerBestMs * 100) / 100,
                bestSpeedup:
                  peerBestMs === null ? null : Math.round((peerBestMs / bestMs) * 100) / 100,
                cpuSpeedup: peerCpuMs === null ? null : Math.round((peerCpuMs / cpuMs) * 100) / 100,
                ...(s.bands ? { peerBands: label === '3D' ? s.bands : s.bands / 2 } : {}),
                ...(peer.skipped ? { peerSkipped: peer.skipped } : {}),
                // Σ|response| against the peer's: the same filter on the same voxels.
                relSumAbsDiff:
                  typeof peer.sum === 'number'
                    ? Math.abs(peer.sum - sum) / Math.max(1, Math.abs(peer.sum))
                    : null,
              }
            : { peer: null }),
        });
      }
    }
  }
}

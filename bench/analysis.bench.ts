// Analysis kernels, single thread: Gaussian 5x5, Sobel magnitude, Canny, 32-level GLCM with its
// features, first-order statistics; on a 512x512 int16 slice and a 2048x2048 12-bit image.
// Runs the OpenCV / scikit-image peers on the same pixels and prints peer_ms / ours_ms ratios.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canny, cannyWorkspace } from '../src/core/analysis/edges/canny.ts';
import {
  gaussianBlur,
  gaussianKernel,
  sigmaForKernelSize,
} from '../src/core/analysis/edges/gaussian.ts';
import { gaussianBlurWasm } from '../src/core/analysis/edges/simd/blurSimd.ts';
import { sobelSimd } from '../src/core/analysis/edges/simd/sobelSimd.ts';
import { sobel } from '../src/core/analysis/edges/sobel.ts';
import { intensityStatistics } from '../src/core/analysis/stats/intensityStatistics.ts';
import { maskedValues } from '../src/core/analysis/stats/sortedValues.ts';
import { directions2d } from '../src/core/analysis/texture/directions.ts';
import { glcmMatrices } from '../src/core/analysis/texture/glcm.ts';
import { glcmFeatures } from '../src/core/analysis/texture/glcmFeatures.ts';
import type { DiscreteVolume } from '../src/core/analysis/volume.ts';
import { ctSlice, quantise, radiograph, type BenchImage } from './analysisImages.ts';
import { report } from './report.ts';

const here = dirname(fileURLToPath(import.meta.url));
const python = '/usr/bin/python3';

interface Figure {
  kernel: string;
  image: string;
  impl: string;
  median_ms: number;
  min_ms: number;
  threads?: number;
}

/** Median and minimum of repeated timings; on a shared machine the minimum is the steadier. */
function timings(fn: () => unknown, repeats: number): [median: number, min: number] {
  // Warm up so the optimising compiler has run: the figures are steady-state.
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)], times[0]];
}

/** Canny thresholds (Sobel-scale gradient, L2) for each image; the peers use the same. */
const cannyThresholds: Record<string, [number, number]> = {
  '512x512 int16': [200, 600],
  '2048x2048 uint12': [300, 900],
};

function ours(img: BenchImage): Figure[] {
  const { width, height, values } = img;
  const image = { values, width, height };
  const mpix = (width * height) / 1e6;
  const repeats = mpix < 1 ? 15 : 7;
  const out: Figure[] = [];
  const emit = (
    kernel: string,
    t: [number, number],
    extra: Record<string, unknown> = {},
    impl = 'consilium',
  ): void => {
    const ms = t[0];
    const fig = {
      bench: 'analysis',
      kernel,
      image: img.label,
      impl,
      median_ms: +ms.toFixed(3),
      min_ms: +t[1].toFixed(3),
    };
    report({ ...fig, mpix_s: +(mpix / (ms / 1000)).toFixed(1), threads: 1, ...extra });
    if (impl === 'consilium') out.push(fig);
  };

  const kernel5 = gaussianKernel(sigmaForKernelSize(5), 2);
  const blurred = new Float32Array(values.length);
  const scratch = new Float32Array(values.length);
  // "consilium" is what the engine runs (WASM SIMD interiors); "consilium-js" the plain kernels.
  const gauss = (): unknown => gaussianBlurWasm(image, kernel5, blurred);
  emit('gaussian-5x5', timings(gauss, repeats));
  const gaussJs = (): unknown => gaussianBlur(image, kernel5, blurred, scratch);
  emit('gaussian-5x5', timings(gaussJs, repeats), {}, 'consilium-js');

  const magnitude = new Float32Array(values.length);
  const sob = (): unknown => sobelSimd(image, magnitude, null, null);
  emit('sobel-magnitude', timings(sob, repeats));
  const sobJs = (): unknown => sobel(image, magnitude, null, null);
  emit('sobel-magnitude', timings(sobJs, repeats), {}, 'consilium-js');

  const [low, high] = cannyThresholds[img.label];
  // A workspace reused across calls, as a worker or a batch keeps one per image size; the
  // headline figure includes copying the image into it, "consilium-resident" does not (the
  // image already in the workspace, as a decoder writing there would leave it).
  const ws = cannyWorkspace(width, height);
  const cannyOptions = { sigma: 0, low, high, thresholds: 'absolute' } as const;
  const can = () => canny(image, cannyOptions, ws);
  const edgePixels = can().edges.reduce((a, b) => a + b, 0);
  emit('canny', timings(can, repeats), { edge_pixels: edgePixels });
  ws.input.set(values);
  const resident = { values: ws.input, width, height };
  const canResident = () => canny(resident, cannyOptions, ws);
  emit('canny', timings(canResident, repeats), {}, 'consilium-resident');
  const wsJs = cannyWorkspace(width, height, false);
  const canJs = () => canny(image, cannyOptions, wsJs, false);
  emit('canny', timings(canJs, repeats), {}, 'consilium-js');
  // What the workbench and `consilium edges` run by default: sigma 1.4 (11 taps), thresholds at
  // the 80th and 95th percentiles of the gradient. No peer runs this exact pipeline.
  const defaults = { sigma: 1.4, low: 80, high: 95, thresholds: 'percentile' } as const;
  const canDefault = () => canny(image, defaults, ws);
  const defaultEdges = canDefault().edges.reduce((a, b) => a + b, 0);
  emit('canny-default', timings(canDefault, repeats), { edge_pixels: defaultEdges });

  const volume: DiscreteVolume = {
    levels: quantise(values, 32),
    dims: [width, height, 1],
    spacingMm: [1, 1, 1],
    levelCount: 32,
  };
  let contrast = 0;
  const glcm = (): void => {
    contrast = 0;
    for (const m of glcmMatrices(volume, directions2d, 0)) contrast += glcmFeatures(m)[11] / 4;
  };
  glcm();
  emit('glcm-32', timings(glcm, repeats), {
    features: 25,
    contrast_mean: +contrast.toFixed(6),
  });

  const mask = new Uint8Array(values.length).fill(1);
  const stats = (): unknown => intensityStatistics(maskedValues(values, mask));
  stats();
  emit('first-order', timings(stats, repeats), { features: 18 });
  return out;
}

function peers(img: BenchImage, dir: string): Figure[] {
  const raw = join(dir, `${img.width}.raw`);
  writeFileSync(raw, new Uint8Array(img.raw.buffer));
  const levels = quantise(img.values, 32);
  writeFileSync(
    `${raw}.levels`,
    Uint8Array.from(levels, (g) => g - 1),
  );
  const [low, high] = cannyThresholds[img.label];
  const args = [
    join(here, 'peers', 'analysis_peers.py'),
    raw,
    img.dtype,
    `${img.width}`,
    `${img.height}`,
    img.label,
    `${low}`,
    `${high}`,
  ];
  const run = spawnSync(python, args, { encoding: 'utf8', timeout: 600_000 });
  if (run.error || run.status !== 0) {
    report({
      bench: 'analysis',
      image: img.label,
      impl: 'peers',
      skipped: `${python} failed: ${run.error?.message ?? run.stderr.trim().split('\n').pop()}`,
    });
    return [];
  }
  const figures: Figure[] = [];
  for (const line of run.stdout.trim().split('\n')) {
    if (!line) continue;
    const fig = JSON.parse(line) as Figure & { skipped?: string };
    report({ ...fig });
    if (!fig.skipped) figures.push(fig);
  }
  return figures;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-bench-'));
  try {
    for (const img of [ctSlice(512), radiograph(2048)]) {
      const mine = ours(img);
      for (const peer of peers(img, dir)) {
        const me = mine.find((f) => f.kernel === peer.kernel);
        if (!me) continue;
        report({
          bench: 'analysis',
          kernel: peer.kernel,
          image: img.label,
          ratio: `${peer.impl}${peer.threads === 1 ? '-1thread' : `-${peer.threads}threads`}_ms/consilium_ms`,
          value: +(peer.median_ms / me.median_ms).toFixed(2),
          value_of_min: +(peer.min_ms / me.min_ms).toFixed(2),
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

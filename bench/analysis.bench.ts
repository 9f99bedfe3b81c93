// Analysis kernels, single thread: Gaussian 5x5, Sobel magnitude, Canny, 32-level GLCM with its
// features, first-order statistics; on a 512x512 int16 slice and a 2048x2048 12-bit image.
// The OpenCV / scikit-image peers run on the same pixels in a timing server (peerServer.ts),
// round by round with ours, and the bench prints peer_ms / ours_ms ratios.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canny, cannyWorkspace } from '../src/core/analysis/edges/canny.ts';
import {
  gaussianBlur,
  gaussianKernel,
  sigmaForKernelSize,
} from '../src/core/analysis/edges/gaussian.ts';
import { gaussianBlurWasm } from '../src/core/analysis/edges/simd/blurSimd.ts';
import { sobelSimd } from '../src/core/analysis/edges/simd/sobelSimd.ts';
import { sobel } from '../src/core/analysis/edges/sobel.ts';
import { intensityStatistics } from '../src/core/analysis/intensity/intensityStatistics.ts';
import { directions2d } from '../src/core/analysis/texture/directions.ts';
import { glcmMatrices } from '../src/core/analysis/texture/glcm.ts';
import { glcmFeatures } from '../src/core/analysis/texture/glcmFeatures.ts';
import type { DiscreteVolume } from '../src/core/analysis/volume.ts';
import { ctSlice, quantise, radiograph, type BenchImage } from './analysisImages.ts';
import { startPeer, type Peer, type PeerKernel } from './peers/peerServer.ts';
import { report } from './report.ts';

/** Median and minimum of a list of times (ms); on a shared machine the minimum is steadier. */
function stats(times: number[]): [median: number, min: number] {
  const sorted = [...times].sort((a, b) => a - b);
  return [sorted[Math.floor(sorted.length / 2)], sorted[0]];
}

function timeOnce(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Repeated timings of fn alone, after a warm-up (the optimising compiler has run). */
function timings(fn: () => unknown, repeats: number): [number, number] {
  for (let i = 0; i < 5; i++) fn();
  return stats(Array.from({ length: repeats }, () => timeOnce(fn)));
}

/**
 * Ours and the peer in alternation, a short block of runs each per round (the last run of each
 * block is timed, caches warm, as in a series), so both are timed while the machine is in the
 * same state; warm-up rounds first.
 */
async function interleaved(
  ours: () => unknown,
  peer: (repeat: number) => Promise<number>,
  rounds: number,
): Promise<{ ours: [number, number]; peer: [number, number] }> {
  const block = 3;
  const mine: number[] = [];
  const theirs: number[] = [];
  for (let r = -3; r < rounds; r++) {
    for (let i = 1; i < block; i++) ours();
    const a = timeOnce(ours);
    const b = await peer(block);
    if (r >= 0) {
      mine.push(a);
      theirs.push(b);
    }
  }
  return { ours: stats(mine), peer: stats(theirs) };
}

/** Canny thresholds (Sobel-scale gradient, L2) for each image; the peers use the same. */
const cannyThresholds: Record<string, [number, number]> = {
  '512x512 int16': [200, 600],
  '2048x2048 uint12': [300, 900],
};

async function benchImage(img: BenchImage, peer: Peer | null): Promise<void> {
  const { width, height, values, label } = img;
  const image = { values, width, height };
  const mpix = (width * height) / 1e6;
  const rounds = mpix < 1 ? 21 : 9;
  const figure = (
    kernel: string,
    impl: string,
    t: [number, number],
    extra: Record<string, unknown> = {},
  ): void => {
    report({
      bench: 'analysis',
      kernel,
      image: label,
      impl,
      median_ms: +t[0].toFixed(3),
      min_ms: +t[1].toFixed(3),
      mpix_s: +(mpix / (t[0] / 1000)).toFixed(1),
      ...extra,
    });
  };
  /** Ours (impl "consilium" unless named: what the engine runs) against the peer, one thread
   * each, interleaved; then against the peer at its default thread count where that is more
   * than one (main variant only). */
  const versus = async (
    kernel: PeerKernel,
    ours: () => unknown,
    extra: Record<string, unknown> = {},
    impl = 'consilium',
  ): Promise<void> => {
    if (!peer) {
      figure(kernel, impl, timings(ours, rounds), { threads: 1, ...extra });
      return;
    }
    const peerName = kernel === 'glcm-32' ? 'skimage' : 'opencv';
    const manyThreads = kernel !== 'glcm-32' && impl === 'consilium';
    const threadCounts = manyThreads ? [...new Set([1, peer.defaultThreads])] : [1];
    for (const threads of threadCounts) {
      const t = await interleaved(ours, (repeat) => peer.time(kernel, threads, repeat), rounds);
      if (threads === 1) figure(kernel, impl, t.ours, { threads: 1, ...extra });
      figure(kernel, peerName, t.peer, { threads, interleaved_with: impl });
      report({
        bench: 'analysis',
        kernel,
        image: label,
        ratio: `${peerName}-${threads === 1 ? '1thread' : `${threads}threads`}_ms/${impl}_ms`,
        value: +(t.peer[0] / t.ours[0]).toFixed(2),
        value_of_min: +(t.peer[1] / t.ours[1]).toFixed(2),
      });
    }
  };

  const kernel5 = gaussianKernel(sigmaForKernelSize(5), 2);
  const blurred = new Float32Array(values.length);
  const scratch = new Float32Array(values.length);
  await versus('gaussian-5x5', () => gaussianBlurWasm(image, kernel5, blurred));
  // "consilium-js": the plain TypeScript kernels, where WebAssembly SIMD is missing.
  const gaussJs = (): unknown => gaussianBlur(image, kernel5, blurred, scratch);
  figure('gaussian-5x5', 'consilium-js', timings(gaussJs, rounds), { threads: 1 });

  const magnitude = new Float32Array(values.length);
  await versus('sobel-magnitude', () => sobelSimd(image, magnitude, null, null));
  const sobJs = (): unknown => sobel(image, magnitude, null, null);
  figure('sobel-magnitude', 'consilium-js', timings(sobJs, rounds), { threads: 1 });

  // A workspace reused across calls, as a worker or a batch keeps one per image size. The
  // "consilium" figure includes copying the image into it on every call; "consilium-resident"
  // has the image in the workspace already, prepared once outside the timing as the peer's
  // int16 input is (as a decoder writing there would leave it).
  const [low, high] = cannyThresholds[label];
  const ws = cannyWorkspace(width, height);
  const cannyOptions = { sigma: 0, low, high, thresholds: 'absolute' } as const;
  const can = (): unknown => canny(image, cannyOptions, ws);
  const edgePixels = canny(image, cannyOptions, ws).edges.reduce((a, b) => a + b, 0);
  await versus('canny', can, { edge_pixels: edgePixels, peer_edge_pixels: peer?.edgePixels });
  ws.input.set(values);
  const resident = { values: ws.input, width, height };
  const canResident = (): unknown => canny(resident, cannyOptions, ws);
  await versus('canny', canResident, {}, 'consilium-resident');
  const wsJs = cannyWorkspace(width, height, false);
  const canJs = (): unknown => canny(image, cannyOptions, wsJs, false);
  figure('canny', 'consilium-js', timings(canJs, rounds), { threads: 1 });
  // What the workbench and `consilium edges` run by default: sigma 1.4 (11 taps), thresholds at
  // the 80th and 95th percentiles of the gradient. No peer runs this exact pipeline.
  const defaults = { sigma: 1.4, low: 80, high: 95, thresholds: 'percentile' } as const;
  const canDefault = (): unknown => canny(image, defaults, ws);
  const defaultEdges = canny(image, defaults, ws).edges.reduce((a, b) => a + b, 0);
  figure('canny-default', 'consilium', timings(canDefault, rounds), {
    threads: 1,
    edge_pixels: defaultEdges,
  });

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
  await versus('glcm-32', glcm, {
    features: 25,
    contrast_mean: +contrast.toFixed(6),
    peer_contrast_mean: peer?.contrastMean,
  });

  const mask = new Uint8Array(values.length).fill(1);
  const firstOrder = (): unknown => intensityStatistics(values, mask);
  figure('first-order', 'consilium', timings(firstOrder, rounds), { threads: 1, features: 18 });
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-bench-'));
  try {
    for (const img of [ctSlice(512), radiograph(2048)]) {
      const [low, high] = cannyThresholds[img.label];
      const peer = await startPeer(img, dir, low, high);
      if (typeof peer === 'string') {
        report({ bench: 'analysis', image: img.label, impl: 'peers', skipped: peer });
      }
      try {
        await benchImage(img, typeof peer === 'string' ? null : peer);
      } finally {
        if (typeof peer !== 'string') peer.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

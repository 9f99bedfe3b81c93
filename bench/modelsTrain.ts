// Training speed of each model family on 2,000 cases × 1,000 features (20 informative, the rest
// noise; seeded), single thread, against scikit-learn fitting the same Pipeline(StandardScaler,
// model) on the same matrix in the same run (a python3 peer, the two alternating family by
// family). Each side gives wall time (ms) and its process's CPU time (cpuMs): on a machine
// shared with other work the wall time mostly measures the queue, the CPU time the work. trainBenchLines returns one figure per implementation and family; bench/models.bench.ts
// prints them. For the convex models the figure also gives how far apart the two fitted models'
// training-case probabilities are (each solver at its own default tolerance).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fitPipeline,
  pipelineProbability,
  type ModelSpec,
} from '../src/core/models/classifiers/pipeline.ts';
import { seededRandom } from '../src/core/models/classifiers/random.ts';
import { startJsonLinePeer, type JsonLinePeer } from './peers/jsonLinePeer.ts';
import { report } from './report.ts';

const CASES = Number(process.env.MODELS_BENCH_CASES ?? 2000);
const FEATURES = Number(process.env.MODELS_BENCH_FEATURES ?? 1000);
const INFORMATIVE = 20;

const ALL_SPECS: readonly ModelSpec[] = [
  { family: 'logreg-l2', C: 1 },
  { family: 'logreg-l1', C: 0.1 },
  { family: 'svm-linear', C: 1 },
  { family: 'svm-rbf', C: 1 },
  { family: 'forest', trees: 100 },
];
/** MODELS_BENCH_FAMILIES=logreg-l2,forest times only those families (all when absent). */
const FAMILIES = process.env.MODELS_BENCH_FAMILIES?.split(',');
const SPECS = ALL_SPECS.filter((s) => !FAMILIES || FAMILIES.includes(s.family));

function dataset(cases = CASES, features = FEATURES) {
  const random = seededRandom(2024);
  const gauss = () =>
    Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const x = new Float64Array(cases * features);
  const y = new Uint8Array(cases);
  for (let i = 0; i < cases; i++) {
    y[i] = random.next() < 0.5 ? 1 : 0;
    for (let j = 0; j < features; j++)
      x[i * features + j] =
        (j < INFORMATIVE ? (y[i] ? 0.4 : -0.4) : 0) + gauss() * (1 + (j % 7)) + j;
  }
  return { x: { rows: cases, cols: features, data: x }, y, centers: new Int32Array(cases) };
}

/**
 * One fit of every family on a small slice of the data before anything is timed, as any JIT
 * benchmark does: the first call of a code path pays V8's compilation and WebAssembly's tier-up,
 * which scikit-learn's compiled code never pays, and a cohort trains many models per process.
 */
function warmUp(): void {
  const { x, y, centers } = dataset(200, 50);
  for (const spec of SPECS)
    fitPipeline(x, y, centers, spec.family === 'forest' ? { ...spec, trees: 5 } : spec);
}

/**
 * Fits under a second on either side are timed five times on both and the median given (the
 * first fit's CPU time beside it, as firstCpuMs): one
 * fit of a fraction of a second is mostly first-touch page faults of fresh memory (numpy's
 * allocator and our kept WebAssembly memory both reuse it on later fits, as cross-validation
 * does); the slow families are timed once.
 */
function repeats(spec: ModelSpec): number {
  return spec.family === 'logreg-l2' || spec.family === 'logreg-l1' ? 5 : 1;
}

function median<T extends { ms: number; cpuMs: number }>(runs: readonly T[]): T {
  return [...runs].sort((a, b) => a.cpuMs - b.cpuMs)[runs.length >> 1];
}

/** The scikit-learn peer on the same matrix, or why it cannot run. */
function startPeer(xFile: string, yFile: string): Promise<JsonLinePeer | string> {
  const script = new URL('./peers/models_train_peer.py', import.meta.url).pathname;
  return startJsonLinePeer(script, [xFile, yFile, String(CASES), String(FEATURES)], 'scikit-learn');
}

export async function trainBenchLines(): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const data = dataset();
  const dir = mkdtempSync(join(tmpdir(), 'models-bench-'));
  const shape = `${CASES}x${FEATURES}`;
  try {
    const xFile = join(dir, 'x.raw');
    writeFileSync(join(dir, 'y.raw'), data.y);
    writeFileSync(xFile, data.x.data);
    const peer = await startPeer(xFile, join(dir, 'y.raw'));
    warmUp();
    for (const spec of SPECS) {
      const runs = repeats(spec);
      const timings: { ms: number; cpuMs: number }[] = [];
      let model: ReturnType<typeof fitPipeline> | null = null;
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        model = fitPipeline(data.x, data.y, data.centers, spec);
        const c1 = process.cpuUsage(c0);
        timings.push({ ms: performance.now() - t0, cpuMs: (c1.user + c1.system) / 1000 });
      }
      const { ms, cpuMs } = median(timings);
      const ours = pipelineProbability(model!, data.x);
      lines.push({
        bench: 'models',
        name: `train-${spec.family}`,
        data: shape,
        impl: 'consilium',
        ms: Math.round(ms),
        cpuMs: Math.round(cpuMs),
        runs,
        firstCpuMs: Math.round(timings[0].cpuMs),
        settings: spec,
      });
      if (typeof peer === 'string') {
        lines.push({
          bench: 'models',
          name: `train-${spec.family}`,
          impl: 'scikit-learn',
          skipped: peer,
        });
        continue;
      }
      const answers: { ms: number; cpuMs: number }[] = [];
      for (let k = 0; k < runs; k++) {
        const answer = await peer.ask(spec.family);
        answers.push({ ms: Number(answer.ms), cpuMs: Number(answer.cpuMs) });
      }
      const theirTime = median(answers);
      // A small file's Buffer sits inside Node's shared pool: copy out its own bytes.
      const file = readFileSync(`${xFile}.${spec.family}.sk`);
      const theirs = new Float64Array(
        file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength),
      );
      let diff = 0;
      for (let i = 0; i < CASES; i++) diff = Math.max(diff, Math.abs(theirs[i] - ours[i]));
      lines.push({
        bench: 'models',
        name: `train-${spec.family}`,
        data: shape,
        impl: 'scikit-learn (one thread)',
        ms: Math.round(theirTime.ms),
        cpuMs: Math.round(theirTime.cpuMs),
        runs,
        firstCpuMs: Math.round(answers[0].cpuMs),
        ...(spec.family === 'forest' ? {} : { maxAbsProbabilityDiff: Number(diff.toPrecision(3)) }),
      });
    }
    if (typeof peer !== 'string') peer.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

/** Prints the training figures, one JSON line each (bench/models.bench.ts calls this). */
export async function run(): Promise<void> {
  for (const line of await trainBenchLines()) report(line);
}

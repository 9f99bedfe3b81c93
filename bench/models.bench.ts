// Multi-center models: ComBat on 2,000 cases × 1,000 features (4 centers) against R's
// sva::ComBat on the same matrix in the same run (Rscript timed from Node: the ComBat call alone
// as R measures it, and the whole process with R's start and library load), with the largest
// difference between the two harmonized matrices. The classifiers' training lines come from
// bench/modelsTrain.ts when it is there. One JSON line per figure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitCombat } from '../src/core/models/harmonize/combat.ts';
import type { CombatMethod } from '../src/core/models/harmonize/types.ts';
import { seededRandom } from '../src/core/models/classifiers/random.ts';
import { report } from './report.ts';

const CASES = 2000;
const FEATURES = 1000;
const CENTERS = ['A', 'B', 'C', 'D'];

/** Features with a level, a label effect and per-center shift and scale; centers in blocks. */
function benchMatrix() {
  const random = seededRandom(2007);
  const normal = () => {
    const u = 1 - random.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  };
  const level = Array.from({ length: FEATURES }, () => 50 + 20 * normal());
  const shift = CENTERS.map(() => Array.from({ length: FEATURES }, () => 4 * normal()));
  const scale = CENTERS.map(() => Array.from({ length: FEATURES }, () => Math.exp(0.4 * normal())));
  const centers = Array.from(
    { length: CASES },
    (_, j) => CENTERS[Math.floor((j * CENTERS.length) / CASES)],
  );
  const rows = centers.map((c) => {
    const k = CENTERS.indexOf(c);
    const malignant = random.next() < 0.4 ? 1 : 0;
    return level.map((l, g) => l + 2 * malignant + shift[k][g] + scale[k][g] * 2 * normal());
  });
  return { rows, centers };
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

export async function run(): Promise<void> {
  // MODELS_BENCH_ONLY=train skips ComBat; MODELS_BENCH_ONLY=combat skips training (minutes).
  if (process.env.MODELS_BENCH_ONLY !== 'train') await combatBench();
  const trainModule = new URL('./modelsTrain.ts', import.meta.url).pathname;
  if (process.env.MODELS_BENCH_ONLY !== 'combat' && existsSync(trainModule)) {
    const mod = (await import(trainModule)) as { run?: () => Promise<void> };
    await mod.run?.();
  }
}

async function combatBench(): Promise<void> {
  const { rows, centers } = benchMatrix();
  const features = Array.from({ length: FEATURES }, (_, g) => `F${g}`);
  const methods: CombatMethod[] = ['parametric', 'nonparametric'];
  const ours = new Map<CombatMethod, { ms: number; rows: number[][] }>();
  for (const method of methods) {
    fitCombat(
      rows.slice(0, 200),
      centers.slice(0, 200).map((_, j) => CENTERS[j % 4]),
      features,
      { method },
    ); // warm-up
    const runs = [0, 1, 2].map(() => timed(() => fitCombat(rows, centers, features, { method })));
    runs.sort((a, b) => a.ms - b.ms);
    ours.set(method, { ms: runs[1].ms, rows: runs[1].value.harmonized });
  }

  const dir = mkdtempSync(join(tmpdir(), 'consilium-combat-bench-'));
  try {
    const flat = new Float64Array(CASES * FEATURES);
    rows.forEach((r, j) => flat.set(r, j * FEATURES));
    writeFileSync(join(dir, 'data.f64'), new Uint8Array(flat.buffer));
    writeFileSync(join(dir, 'centers.txt'), centers.join('\n') + '\n');
    const t0 = performance.now();
    const r = spawnSync(
      'Rscript',
      ['tools/models/combat_bench_peer.R', dir, String(CASES), String(FEATURES), methods.join(',')],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const wallMs = performance.now() - t0;
    const peer =
      r.status === 0
        ? (JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number | string>)
        : undefined;
    for (const method of methods) {
      const mine = ours.get(method)!;
      const name = `combat-${method}`;
      const data = `${CASES}x${FEATURES}`;
      report({
        bench: 'models',
        name,
        data,
        impl: 'consilium',
        centers: CENTERS.length,
        ms: Math.round(mine.ms),
      });
      if (!peer) {
        const why = (r.error?.message ?? r.stderr ?? '').slice(0, 200);
        report({
          bench: 'models',
          name,
          data,
          impl: 'R sva::ComBat',
          skipped: `Rscript with sva did not run: ${why}`,
        });
        continue;
      }
      const theirs = new Float64Array(
        new Uint8Array(readFileSync(join(dir, `${method}.f64`))).buffer,
      );
      let maxDiff = 0;
      let nanInR = 0;
      mine.rows.forEach((row, j) =>
        row.forEach((v, g) => {
          const t = theirs[j * FEATURES + g];
          if (Number.isNaN(t)) nanInR++;
          else maxDiff = Math.max(maxDiff, Math.abs(v - t) / Math.max(1, Math.abs(t)));
        }),
      );
      report({
        bench: 'models',
        name,
        data,
        impl: `R sva ${peer.sva} ComBat`,
        ms: Math.round(Number(peer[`${method}_s`]) * 1000),
        // The whole Rscript process for every method, with R's start and sva's load.
        processMs: Math.round(wallMs),
        loadMs: Math.round(Number(peer.load_s) * 1000),
        maxRelativeDifference: Number(maxDiff.toPrecision(3)),
        // sva's non-parametric step multiplies densities that underflow with hundreds of cases
        // per center, giving NaN; ours works in logs.
        ...(nanInR > 0 ? { nanValues: nanInR } : {}),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

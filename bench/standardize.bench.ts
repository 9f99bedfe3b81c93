// IBSI resampling speed: a 512 x 512 x 200 CT (0.78 x 0.78 x 1.5 mm, a body of soft tissue with
// structure and noise in air, in HU) to 1 mm isotropic, linear and cubic B-spline, single
// thread, against scipy.ndimage on the same array and the same IBSI grid (affine_transform,
// orders 1 and 3) in a python3 timing server, the two interleaved round by round. One JSON
// line per figure; the peer line says why when python3 or scipy is missing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resampleGrid } from '../src/core/analysis/processing/grid.ts';
import { resampleValues } from '../src/core/analysis/processing/resample.ts';
import type { Dims, SpacingMm } from '../src/core/analysis/volume.ts';
import { startJsonLinePeer, type JsonLinePeer } from './peers/jsonLinePeer.ts';
import { report } from './report.ts';

const dims: Dims = [512, 512, 200];
const spacingMm: SpacingMm = [0.78125, 0.78125, 1.5];
const targetMm = 1;
const rounds = { linear: 3, cubic: 2 } as const;

/** Deterministic CT-like values: an elliptic body of soft tissue with structure, air outside. */
function syntheticCt(): Float32Array {
  const [nx, ny, nz] = dims;
  const out = new Float32Array(nx * ny * nz);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed / 2 ** 32 - 0.5) * 40;
  };
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const dx = (x - nx / 2) / (nx * 0.4);
        const dy = (y - ny / 2) / (ny * 0.3);
        const tissue = 40 + 60 * Math.sin(x * 0.05 + z * 0.03) * Math.cos(y * 0.04);
        out[x + nx * (y + ny * z)] = Math.round(
          dx * dx + dy * dy < 1 ? tissue + noise() : -1000 + noise(),
        );
      }
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The scipy timing server, or the reason it cannot run. */
function startPeer(raw: string): Promise<JsonLinePeer | string> {
  const script = new URL('./peers/standardize_peer.py', import.meta.url).pathname;
  const args = [raw, ...dims.map(String), ...spacingMm.map(String), String(targetMm)];
  return startJsonLinePeer(script, args, 'scipy');
}

export async function run(): Promise<void> {
  const values = syntheticCt();
  const grid = resampleGrid(dims, spacingMm, [targetMm, targetMm, targetMm]);
  const dir = mkdtempSync(join(tmpdir(), 'standardize-'));
  try {
    const raw = join(dir, 'ct.raw');
    writeFileSync(raw, values);
    const peer = await startPeer(raw);
    for (const method of ['linear', 'cubic'] as const) {
      const order = method === 'linear' ? 1 : 3;
      const ours: number[] = [];
      const theirs: number[] = [];
      let out: Float32Array = new Float32Array(0);
      for (let r = 0; r < rounds[method]; r++) {
        const t0 = performance.now();
        out = resampleValues(values, dims, grid, method).values;
        ours.push(performance.now() - t0);
        if (typeof peer !== 'string') theirs.push(Number((await peer.ask(`run ${order}`)).ms));
      }
      report({
        bench: 'standardize',
        name: `resample-${method}`,
        from: `${dims.join('x')} @ ${spacingMm.join('x')} mm`,
        to: `${grid.dims.join('x')} @ ${targetMm} mm`,
        impl: 'consilium',
        ms: Math.round(median(ours)),
        runs: ours.map(Math.round),
      });
      if (typeof peer === 'string') {
        report({ bench: 'standardize', name: `resample-${method}`, impl: 'scipy', skipped: peer });
        continue;
      }
      const mine = join(dir, 'ours.raw');
      writeFileSync(mine, out);
      const diff = await peer.ask(`diff ${order} ${mine}`);
      report({
        bench: 'standardize',
        name: `resample-${method}`,
        impl: `scipy.ndimage.affine_transform order ${order}`,
        ms: Math.round(median(theirs)),
        runs: theirs.map(Math.round),
        maxAbsDiffHu: diff.maxAbsDiff,
      });
    }
    if (typeof peer !== 'string') peer.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

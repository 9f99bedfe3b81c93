// One fuzz campaign in this process: input i of a run is seed i unchanged for the first inputs,
// then the plan fast-check draws from (seed, i), so any input can be made again from its index.
import fc from 'fast-check';
import { signature, type FindingKind, type Target, type TargetName, type Verdict } from './target';

export interface Finding {
  readonly target: TargetName;
  readonly kind: FindingKind;
  readonly message: string;
  readonly signature: string;
  readonly bytes: Uint8Array;
  /** How to make the input again: the run's seed and the input's index. */
  readonly seed: number;
  readonly index: number;
  readonly ms: number;
}

/** The plan of input `index` of a run with `seed`, independent of every other input. */
export function planAt<P>(arbitrary: fc.Arbitrary<P>, seed: number, index: number): P {
  return fc.sample(arbitrary, {
    seed: (seed ^ Math.imul(index + 1, 0x9e3779b1)) | 0,
    numRuns: 1,
  })[0];
}

/** Input `index` of a run, and which seed it comes from: the seeds themselves first, then mutants. */
export async function inputAt<P>(
  target: Target<P>,
  seeds: readonly Uint8Array[],
  seed: number,
  index: number,
): Promise<{ bytes: Uint8Array; from: number }> {
  if (index < seeds.length) return { bytes: seeds[index], from: index };
  const plan = planAt(target.plan, seed, index);
  return { bytes: await target.build(plan, seeds), from: target.seedOf(plan) % seeds.length };
}

export interface CampaignOptions {
  readonly seed: number;
  /** Stop after this many inputs … */
  readonly runs?: number;
  /** … or at this time (Date.now()), whichever comes first. */
  readonly until?: number;
  /** An input that ends without a finding but takes longer than this is a 'slow' finding. */
  readonly slowMs: number;
  readonly seeds: readonly Uint8Array[];
}

export interface CampaignResult {
  readonly inputs: number;
  /** One finding per signature: the smallest input that showed it. */
  readonly findings: readonly Finding[];
}

/** Keeps the smallest input per signature. */
export function keepSmallest(found: Map<string, Finding>, f: Finding): boolean {
  const old = found.get(f.signature);
  if (old && old.bytes.length <= f.bytes.length) return false;
  found.set(f.signature, f);
  return true;
}

export function findingOf(
  target: TargetName,
  verdict: Verdict,
  bytes: Uint8Array,
  seed: number,
  index: number,
  ms: number,
): Finding {
  return { target, ...verdict, signature: signature(target, verdict), bytes, seed, index, ms };
}

export async function campaign<P>(
  target: Target<P>,
  options: CampaignOptions,
): Promise<CampaignResult> {
  const found = new Map<string, Finding>();
  const { seed, seeds, runs = Infinity, until = Infinity, slowMs } = options;
  let index = 0;
  for (; index < runs && Date.now() < until; index++) {
    const { bytes } = await inputAt(target, seeds, seed, index);
    const started = performance.now();
    let verdict = await target.check(bytes);
    const ms = performance.now() - started;
    if (!verdict && ms > slowMs)
      verdict = { kind: 'slow', message: `took ${Math.round(ms)} ms (bound ${slowMs} ms)` };
    if (verdict) keepSmallest(found, findingOf(target.name, verdict, bytes, seed, index, ms));
  }
  return { inputs: index, findings: [...found.values()] };
}

// npm run fuzz -- --minutes N [--target dicom|zip|bundle|encryption] [--seed S] [--slow-ms MS]
// npm run fuzz -- --replay FILE [--target T]
//
// The long run: each target in turn for its share of N minutes, inputs made in this thread and
// checked in a worker thread, so an input that hangs is ended (timeout) and one that kills the
// thread is noticed (crash). It prints the inputs tried per target and writes each finding (the
// smallest input per signature) to tools/fuzz/findings/.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { findingOf, inputAt, keepSmallest, type Finding } from './campaign';
import { corpusSeeds } from './corpus';
import { saveFinding } from './findings';
import { closeIndependentReader } from './independentZip';
import { targets } from './targets/index';
import { TARGETS, type TargetName, type Verdict } from './target';
import type { CheckReply } from './worker';

const BOOTSTRAP = new URL('../../src/cli/tsxWorker.mjs', import.meta.url);
const WORKER = new URL('./worker.ts', import.meta.url);
/** A mutant may take this many times as long as its seed before it is slow. */
const SLOW_FACTOR = 3;
/** An input that has not answered after this many slow bounds is ended. */
const HARD_FACTOR = 5;
const CORPUS_SHARE_INVERSE = 10;
/** Peak memory this far above the run's start flags the input that reached it. */
const MEMORY_MB = 1024;

type Outcome = { reply: CheckReply } | { verdict: Verdict };

class Executor {
  private worker: Promise<Worker> | undefined;
  private current: Worker | undefined;
  private nextId = 0;

  constructor(private readonly target: TargetName) {}

  /** A worker that has loaded its modules and run its seeds once (codecs compiled): only then
   * does an input's clock start, so a fresh thread's start-up is never taken for a hang. */
  private start(): Promise<Worker> {
    this.worker ??= new Promise((resolve, reject) => {
      const w = new Worker(BOOTSTRAP, {
        workerData: { entry: WORKER.href, target: this.target },
        resourceLimits: { maxOldGenerationSizeMb: 2048 },
      });
      this.current = w;
      w.once('message', () => resolve(w));
      w.once('error', reject);
    });
    return this.worker;
  }

  async stop(): Promise<void> {
    const w = this.current;
    this.worker = undefined;
    this.current = undefined;
    await w?.terminate();
  }

  /** Runs one input; a hang past `hardMs` or a dead thread is an outcome, not an exception. */
  async run(bytes: Uint8Array, hardMs: number): Promise<Outcome> {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (outcome: Outcome, restart: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (restart) void this.stop();
        resolve(outcome);
      };
      const onMessage = (reply: CheckReply) => reply.id === id && done({ reply }, false);
      const onError = (e: Error) =>
        done(
          { verdict: { kind: 'crash', message: `the worker died: ${e.name}: ${e.message}` } },
          true,
        );
      const onExit = (code: number) =>
        done({ verdict: { kind: 'crash', message: `the worker exited with code ${code}` } }, true);
      const timer = setTimeout(
        () =>
          done({ verdict: { kind: 'timeout', message: `no answer within ${hardMs} ms` } }, true),
        hardMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, bytes });
    });
  }
}

interface Summary {
  readonly target: TargetName;
  readonly inputs: number;
  readonly seconds: number;
  readonly seeds: number;
  readonly findings: readonly { kind: string; message: string; file: string }[];
}

async function fuzzTarget(
  name: TargetName,
  ms: number,
  seed: number,
  slowMs: number,
): Promise<Summary> {
  const target = targets[name];
  // Small in-repo seeds check thousands of inputs a second, corpus files (whole CT slices
  // through the WASM codecs) a few: the corpus gets about a tenth of the inputs.
  const own = await target.seeds();
  const corpus = corpusSeeds(name);
  const copies = Math.max(1, Math.round((CORPUS_SHARE_INVERSE - 1) * (corpus.length / own.length)));
  const seeds = [...Array.from({ length: copies }, () => own).flat(), ...corpus];
  const executor = new Executor(name);
  const found = new Map<string, Finding>();
  const files = new Map<string, string>();
  const started = Date.now();
  const until = started + ms;
  let baselineMb: number | undefined;
  let peakFlaggedMb = 0;
  let lastReport = started;
  let index = 0;
  const note = (verdict: Verdict, bytes: Uint8Array, tookMs: number) => {
    const f = findingOf(name, verdict, bytes, seed, index, tookMs);
    if (!keepSmallest(found, f)) return;
    const fresh = !files.has(f.signature);
    files.set(f.signature, saveFinding(f));
    if (fresh)
      console.log(
        `[fuzz] ${name}: ${f.kind}: ${f.message.slice(0, 240)}\n        → ${files.get(f.signature)}`,
      );
  };
  // What each seed itself costs: a mutant is slow past SLOW_FACTOR times its seed and the
  // bound (a whole 12-bit CR through the JPEG decoder takes seconds on a busy machine).
  const seedMs: number[] = [];
  for (; Date.now() < until; index++) {
    const input = await inputAt(target, seeds, seed, index).catch((e: unknown) => e as Error);
    if (input instanceof Error) {
      // A plan the harness cannot build is the harness's bug: say so, and go on.
      console.error(`[fuzz] ${name}: input ${index} could not be built: ${input.stack}`);
      continue;
    }
    const { bytes, from } = input;
    const boundMs = Math.max(slowMs, SLOW_FACTOR * (seedMs[from] ?? 0));
    const hardMs = boundMs * HARD_FACTOR;
    let outcome = await executor.run(bytes, hardMs);
    // Slow or ended once may be the machine (or a worker's or codec's first load); twice, it
    // is the input.
    const late =
      'reply' in outcome
        ? !outcome.reply.verdict && outcome.reply.ms > boundMs
        : outcome.verdict.kind === 'timeout';
    if (late) outcome = await executor.run(bytes, hardMs);
    if (index < seeds.length) seedMs[index] = 'reply' in outcome ? outcome.reply.ms : hardMs;
    if ('verdict' in outcome) {
      note(outcome.verdict, bytes, hardMs);
    } else {
      const { verdict, ms: tookMs, maxRssMb } = outcome.reply;
      baselineMb ??= maxRssMb;
      if (verdict) note(verdict, bytes, tookMs);
      else if (tookMs > boundMs && index >= seeds.length) {
        // Its seed, timed again now: on a loaded machine both are slow, and that is no finding.
        const again = await executor.run(seeds[from], hardMs);
        const seedNowMs = 'reply' in again ? again.reply.ms : hardMs;
        if (tookMs > SLOW_FACTOR * seedNowMs) {
          const message = `took ${Math.round(tookMs)} ms twice (bound ${Math.round(boundMs)} ms; its seed ${Math.round(seedNowMs)} ms)`;
          note({ kind: 'slow', message }, bytes, tookMs);
        }
      }
      if (maxRssMb - baselineMb > MEMORY_MB && maxRssMb > peakFlaggedMb + MEMORY_MB / 4) {
        peakFlaggedMb = maxRssMb;
        const message = `raised peak memory to about ${Math.round(maxRssMb / 256) * 256} MB`;
        note({ kind: 'memory', message }, bytes, tookMs);
      }
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      const rate = (index + 1) / ((lastReport - started) / 1000);
      console.log(
        `[fuzz] ${name}: ${index + 1} inputs (${rate.toFixed(0)}/s), ${found.size} findings`,
      );
    }
  }
  await executor.stop();
  closeIndependentReader();
  return {
    target: name,
    inputs: index,
    seconds: Math.round((Date.now() - started) / 1000),
    seeds: own.length + corpus.length,
    findings: [...found.values()].map((f) => ({
      kind: f.kind,
      message: f.message,
      file: files.get(f.signature) ?? '',
    })),
  };
}

/** One input through its target's oracle, here: what it ends in and how long it takes. */
async function replay(file: string, named: string | undefined, slowMs: number): Promise<number> {
  // findings/<target>/… and regressions/<target>/… name their target.
  const name = (named ?? TARGETS.find((t) => file.split(/[\\/]/).includes(t))) as TargetName;
  if (!TARGETS.includes(name)) {
    console.error(`say which target reads ${file}: --target ${TARGETS.join('|')}`);
    return 2;
  }
  const started = performance.now();
  const checked = await targets[name].check(new Uint8Array(readFileSync(file)));
  const ms = Math.round(performance.now() - started);
  closeIndependentReader();
  const verdict =
    checked ?? (ms > slowMs ? { kind: 'slow', message: `past the ${slowMs} ms bound` } : undefined);
  console.log(
    verdict
      ? `${name}: ${verdict.kind}: ${verdict.message} (${ms} ms)`
      : `${name}: ends as documented (${ms} ms)`,
  );
  return verdict ? 1 : 0;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '1' },
      target: { type: 'string', multiple: true },
      seed: { type: 'string' },
      'slow-ms': { type: 'string', default: '2000' },
      replay: { type: 'string' },
    },
  });
  if (values.replay !== undefined)
    return replay(values.replay, values.target?.[0], Number(values['slow-ms']));
  const minutes = Number(values.minutes);
  const chosen = (values.target ?? [...TARGETS]) as TargetName[];
  const unknown = chosen.filter((t) => !TARGETS.includes(t));
  if (!(minutes > 0) || unknown.length) {
    console.error(
      `usage: npm run fuzz -- --minutes N [--target ${TARGETS.join('|')}] [--seed S] [--slow-ms MS]\n` +
        '       npm run fuzz -- --replay FILE [--target T]',
    );
    return 2;
  }
  // A fresh seed each run explores new inputs; it is printed so a run can be repeated.
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const slowMs = Number(values['slow-ms']);
  console.log(
    `[fuzz] seed ${seed}, ${minutes} min over ${chosen.join(', ')}, bound ${slowMs} ms per input`,
  );
  const share = (minutes * 60_000) / chosen.length;
  const summaries: Summary[] = [];
  for (const name of chosen) summaries.push(await fuzzTarget(name, share, seed, slowMs));
  for (const s of summaries) {
    console.log(
      `[fuzz] ${s.target}: ${s.inputs} inputs in ${s.seconds} s from ${s.seeds} seeds, ${s.findings.length} findings`,
    );
    for (const f of s.findings)
      console.log(`        ${f.kind}: ${f.message.slice(0, 200)}\n          ${f.file}`);
  }
  console.log(JSON.stringify({ seed, slowMs, summaries }));
  return summaries.some((s) => s.findings.length) ? 1 : 0;
}

process.exitCode = await main();

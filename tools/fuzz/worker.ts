// The long run's executor: one target's oracle in a worker thread, so the main thread can end
// an input that hangs (terminate) or notice one that kills the thread (out of memory, abort).
import { parentPort, workerData } from 'node:worker_threads';
import { resourceUsage } from 'node:process';
import { targets } from './targets/index';
import { uncaught, type TargetName, type Verdict } from './target';

export interface CheckRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
}

export interface CheckReply {
  readonly id: number;
  readonly verdict: Verdict | undefined;
  readonly ms: number;
  /** The thread's process's peak resident memory so far (it only grows). */
  readonly maxRssMb: number;
}

const target = targets[(workerData as { target: TargetName }).target];
const port = parentPort;

// Warm up on the target's own seeds (every codec's WASM compiled), then say so.
for (const seed of await target.seeds()) await target.check(seed);

port?.on('message', async ({ id, bytes }: CheckRequest) => {
  const started = performance.now();
  let verdict: Verdict | undefined;
  try {
    verdict = await target.check(bytes);
  } catch (e) {
    verdict = uncaught('the oracle', e);
  }
  const reply: CheckReply = {
    id,
    verdict,
    ms: performance.now() - started,
    maxRssMb: resourceUsage().maxRSS / 1024,
  };
  port.postMessage(reply);
});
port?.postMessage('ready');

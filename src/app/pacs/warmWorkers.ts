// A study's first image waits on two workers besides the network: an ingest worker parses its
// header and a decode worker its pixels. Each took 50–80 ms to start (V8 isolate, module
// evaluation) and both were started only when the first instance was in hand, one after the
// other (profiled with tools/pacs/pageProfile.ts). Started while the user looks at the found
// studies (and again on pointing at Open or clicking it, in case they idled out since), they are
// up by the time the instance arrives. Each call is a no-op on a worker already running.
import { decodePool, ingestPool } from '../services/workers.ts';

export function warmWorkers(): void {
  void ingestPool.call(undefined, 'parseBytes', []).catch(() => undefined);
  void decodePool.call(undefined, 'ready').catch(() => undefined);
}

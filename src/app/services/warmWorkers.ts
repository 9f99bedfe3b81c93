// A study's first image waits on two workers besides the network: an ingest worker parses its
// header and a decode worker its pixels. Each took 50–80 ms to start (V8 isolate, module
// evaluation) and both were started only when the first instance was in hand, one after the
// other (profiled with tools/pacs/pageProfile.ts). Started while the user looks at the found
// studies (and again on pointing at Open or clicking it, in case they idled out since), they are
// up by the time the instance arrives. Each call is a no-op on a worker already running. Local
// files warm them on pointing at Open or dragging files over the window; the pick itself warms
// only the decoder (the first file's parse starts the ingest worker: a warm call still in flight
// would send that parse to a second, cold worker of the pool).
import { decodePool, ingestPool } from './workers.ts';

export function warmWorkers(): void {
  void ingestPool.call(undefined, 'parseBytes', []).catch(() => undefined);
  warmDecoder({ compileCodecs: true });
}

/**
 * `compileCodecs` when the first frame is seconds away (found studies, pointing at Open, the
 * page idle): the decoder then compiles the WASM codecs in the background, one at a time, so a
 * compressed study's first frame does not wait 50-200 ms for its codec (bench/codecWarm.bench.ts).
 * Not at the pick itself, where a background compile would only compete with the first frame.
 */
export function warmDecoder({ compileCodecs = false } = {}): void {
  void decodePool.call(undefined, 'ready', compileCodecs).catch(() => undefined);
}

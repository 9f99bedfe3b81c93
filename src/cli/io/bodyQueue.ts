// A response body as its source hands it over, read by the DICOMweb client through the
// ChunkReader it expects. Shared by both of the CLI's HTTP paths (nodeHttpTransport.ts): chunks
// are queued as they come (never copied: their source must not reuse them), the source is
// paused while much is unread, and each read that has to wait on the server is bracketed by
// `waiting`/`quiet`, which arm and clear the idle timeout.
import { concatChunks } from '../../core/bytes/concat.ts';
import type { ChunkReader } from '../../core/dicomweb/multipartStream.ts';

/** Bytes queued unread before the source is paused, and below which it reads again. */
const HIGH_WATER = 8 << 20;
const LOW_WATER = 2 << 20;

type Chunk = { done: boolean; value?: Uint8Array };

/** What the queue needs of its source: to stop it reading and start it again, or to drop it. */
export interface BodySource {
  pause(): void;
  resume(): void;
  destroy(): void;
}

export class BodyQueue {
  private readonly queue: Uint8Array[] = [];
  private queued = 0;
  private paused = false;
  private ended = false;
  private failure: Error | undefined;
  private pending: { resolve: (c: Chunk) => void; reject: (e: Error) => void } | undefined;

  constructor(
    private readonly source: BodySource,
    private readonly waiting: () => void,
    private readonly quiet: () => void,
  ) {}

  /** Queues a chunk; false when the source should stop reading (it is paused here). */
  push(chunk: Uint8Array): boolean {
    if (chunk.length === 0) return true;
    this.queue.push(chunk);
    this.queued += chunk.length;
    this.settle();
    if (this.queued <= HIGH_WATER) return true;
    this.paused = true;
    this.source.pause();
    return false;
  }

  /** The body is complete. */
  end(): void {
    this.ended = true;
    this.settle();
  }

  /** The body broke off: reads fail with `e` once the queued chunks are taken. */
  fail(e: Error): void {
    if (this.ended) return;
    this.failure ??= e;
    this.settle();
  }

  get done(): boolean {
    return this.ended || this.failure !== undefined;
  }

  private take(): Chunk {
    const value = this.queue.shift() as Uint8Array;
    this.queued -= value.length;
    if (this.paused && this.queued < LOW_WATER) {
      this.paused = false;
      this.source.resume();
    }
    return { done: false, value };
  }

  private settle(): void {
    const pending = this.pending;
    if (!pending || (this.queue.length === 0 && !this.failure && !this.ended)) return;
    this.pending = undefined;
    this.quiet();
    if (this.queue.length > 0) pending.resolve(this.take());
    else if (this.failure) pending.reject(this.failure);
    else pending.resolve({ done: true });
  }

  readonly reader: ChunkReader = {
    read: () => {
      if (this.queue.length > 0) return Promise.resolve(this.take());
      if (this.failure) return Promise.reject(this.failure);
      if (this.ended) return Promise.resolve({ done: true });
      this.waiting();
      return new Promise<Chunk>((resolve, reject) => {
        this.pending = { resolve, reject };
      });
    },
    cancel: async () => {
      this.source.destroy();
    },
  };

  /** The whole body in one array (for the callers that do not stream). */
  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await concatChunks(this.reader)).buffer;
  }
}

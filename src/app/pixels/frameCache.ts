// Decoded frames live here, keyed by instance and frame, outside React and the store.
// Least recently used frames are dropped once the byte budget is exceeded.
import type { DecodedFrame } from '../../core/dicom/types.ts';

export class FrameCache {
  private readonly entries = new Map<string, Promise<DecodedFrame>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  get usedBytes(): number {
    return this.bytes;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The cached frame, or the one `load` gives; a failed load is forgotten so it can be retried. */
  getOrLoad(key: string, load: () => Promise<DecodedFrame>): Promise<DecodedFrame> {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark it most recently used (a Map iterates in insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const pending = load();
    this.entries.set(key, pending);
    pending.then(
      (frame) => {
        if (this.entries.get(key) !== pending) return;
        const size = frame.values.byteLength;
        this.sizes.set(key, size);
        this.bytes += size;
        this.evict(key);
      },
      () => {
        if (this.entries.get(key) === pending) this.entries.delete(key);
      },
    );
    return pending;
  }

  private evict(keep: string): void {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.budgetBytes) return;
      const size = this.sizes.get(key);
      if (key === keep || size === undefined) continue; // still loading, or just loaded
      this.entries.delete(key);
      this.sizes.delete(key);
      this.bytes -= size;
    }
  }
}

export function frameKey(file: string, frame: number): string {
  return `${file}#${frame}`;
}

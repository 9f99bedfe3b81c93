// Decoded frames live here, keyed by instance and frame, outside React and the store.
// Least recently used frames are dropped once the byte budget is exceeded. A shared cache keeps
// every frame's values in a SharedArrayBuffer, so workers read them without a structured clone
// (the decode workers already write them there; anything else is copied in once).
import type { DecodedFrame } from '../../core/dicom/types.ts';

/** The frame with its values in a SharedArrayBuffer (itself when they already are). */
export function sharedFrame(frame: DecodedFrame): DecodedFrame {
  if (frame.values.buffer instanceof SharedArrayBuffer) return frame;
  const values = new Float32Array(new SharedArrayBuffer(frame.values.byteLength));
  values.set(frame.values);
  return { ...frame, values };
}

export class FrameCache {
  private readonly entries = new Map<string, Promise<DecodedFrame>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(
    private readonly budgetBytes: number,
    private readonly shared = false,
  ) {}

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
    const pending = this.shared ? load().then(sharedFrame) : load();
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

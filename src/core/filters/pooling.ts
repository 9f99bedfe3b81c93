// Pooling the responses of rotated kernels (or Gabor orientations) voxel by voxel.
import type { Pooling } from './types.ts';

export class Pool {
  private acc: Float32Array | null = null;
  private count = 0;
  constructor(private readonly pooling: Pooling) {}

  add(r: Float32Array): void {
    this.count++;
    if (!this.acc) {
      this.acc = Float32Array.from(r);
      return;
    }
    const a = this.acc;
    if (this.pooling === 'average') for (let i = 0; i < a.length; i++) a[i] += r[i];
    else if (this.pooling === 'max')
      for (let i = 0; i < a.length; i++) a[i] = r[i] > a[i] ? r[i] : a[i];
    else for (let i = 0; i < a.length; i++) a[i] = r[i] < a[i] ? r[i] : a[i];
  }

  result(): Float32Array {
    const a = this.acc ?? new Float32Array(0);
    if (this.pooling === 'average' && this.count > 1) {
      const inv = 1 / this.count;
      for (let i = 0; i < a.length; i++) a[i] *= inv;
    }
    return a;
  }
}

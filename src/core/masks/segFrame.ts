// One SEG frame as 0/1 per pixel. Native 1-bit and 8-bit pixel data are read straight from the
// file's bytes (a 1-bit frame of 512 x 512 is 32 KiB, mostly zero bytes, skipped whole); other
// encodings (RLE, …) go through the project's decoder.
import { decodeFrame } from '../dicom/decode.ts';
import type { Seg } from './seg.ts';

/**
 * Sets `out[at + i]` to 1 for each pixel i of frame `f` whose stored value is at least `cut` (any
 * set bit of a 1-bit frame); other entries are left as they are, so frames OR together.
 */
export async function segFrameInside(
  seg: Seg,
  f: number,
  cut: number,
  out: Uint8Array = new Uint8Array(seg.meta.rows * seg.meta.columns),
  at = 0,
): Promise<Uint8Array> {
  const { meta, bytes } = seg;
  const n = meta.rows * meta.columns;
  const pixels = meta.pixelLayout?.pixels;
  if (pixels?.kind === 'native' && !pixels.swapBytePairs && meta.bitsAllocated === 1) {
    // Bits are packed little-endian within bytes, frames back to back without padding.
    const first = f * n;
    const last = first + n - 1;
    for (let b = first >> 3; b <= last >> 3; b++) {
      const v = bytes[pixels.offset + b];
      if (v === 0) continue;
      for (let j = 0; j < 8; j++) {
        const i = b * 8 + j - first;
        if (i >= 0 && i < n && (v >> j) & 1) out[at + i] = 1;
      }
    }
    return out;
  }
  if (pixels?.kind === 'native' && !pixels.swapBytePairs && meta.bitsAllocated === 8) {
    const start = pixels.offset + f * n;
    for (let i = 0; i < n; i++) if (bytes[start + i] >= cut) out[at + i] = 1;
    return out;
  }
  const values = (await decodeFrame(bytes, meta, f)).values;
  for (let i = 0; i < n; i++) if (values[i] >= cut) out[at + i] = 1;
  return out;
}

// Frames for the viewer: from the cache, else decoded in a worker. On a cross-origin isolated
// page (COOP/COEP headers) the values live in SharedArrayBuffers, which analysis and inference
// workers read without a copy; otherwise the decoded buffer is transferred.
import type { DecodedFrame, InstanceMeta } from '../../core/dicom/types.ts';
import type { Problem } from '../../core/result.ts';
import { FrameCache, frameKey } from '../pixels/frameCache.ts';
import { decodableSource } from '../ingest/sources.ts';
import { BudgetExceeded } from './budgetPool.ts';
import { decodePool } from './workers.ts';

// 1 GiB of Float32 frames: a 500-slice 512² CT (500 MB) stays decoded.
const cache = new FrameCache(1 << 30, globalThis.crossOriginIsolated === true);

/** A decode failure the viewport shows in words. */
export class FrameError extends Error {
  constructor(readonly error: Problem) {
    super(error.reason);
  }
}

export function loadFrame(meta: InstanceMeta, frame: number): Promise<DecodedFrame> {
  return cache.getOrLoad(frameKey(meta.file, frame), async () => {
    const blob = decodableSource(meta.file);
    if (!blob) {
      throw new FrameError({
        code: 'read-failed',
        reason: 'the file is no longer available',
        params: { file: meta.file },
      });
    }
    const result = await decodePool.call(undefined, 'decode', blob, meta, frame).catch((e) => {
      if (!(e instanceof BudgetExceeded)) throw e;
      const seconds = e.budgetMs / 1000;
      throw new FrameError({
        code: 'decode-timeout',
        reason: `decoding frame ${frame + 1} took longer than ${seconds} s and was stopped (its compressed data is probably damaged)`,
        params: { file: meta.file, frame: frame + 1, seconds },
      });
    });
    if (!result.ok) throw new FrameError(result.error);
    return result.value;
  });
}

export function isFrameCached(meta: InstanceMeta, frame: number): boolean {
  return cache.has(frameKey(meta.file, frame));
}

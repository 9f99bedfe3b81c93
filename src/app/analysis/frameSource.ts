// How a worker gets its frames: decoded values when the frame cache has them (not decoded
// twice), else the file's Blob, which the worker decodes itself. Cached values are cloned into
// the message, so a job takes them only up to a byte budget; the rest of a large series goes as
// Blobs (handles, not bytes) and never passes through the UI thread.
import type { StackPosition } from '../../core/ingest/stack.ts';
import type { FrameSource } from '../../workers/analysis.worker.ts';
import { sourceOf } from '../ingest/sources.ts';
import { isFrameCached, loadFrame } from '../services/frames.ts';

const CLONE_BUDGET_BYTES = 32 << 20;

function fileSource({ instance, frame }: StackPosition): FrameSource {
  const blob = sourceOf(instance.file);
  if (!blob) throw new Error(`${instance.file} is no longer available`);
  return { kind: 'file', blob, meta: instance, frame };
}

export async function frameSources(positions: readonly StackPosition[]): Promise<FrameSource[]> {
  let budget = CLONE_BUDGET_BYTES;
  const out: FrameSource[] = [];
  for (const p of positions) {
    const bytes = p.instance.rows * p.instance.columns * 4;
    if (bytes <= budget && isFrameCached(p.instance, p.frame)) {
      const f = await loadFrame(p.instance, p.frame);
      out.push({ kind: 'values', values: f.values, columns: f.columns, rows: f.rows });
      budget -= bytes;
    } else out.push(fileSource(p));
  }
  return out;
}

export async function frameSource(p: StackPosition): Promise<FrameSource> {
  return (await frameSources([p]))[0];
}

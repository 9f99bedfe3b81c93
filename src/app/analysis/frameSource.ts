// How a worker gets a frame: the decoded values when the frame cache has them (not decoded
// twice; one slice is cloned at a time), else the file's Blob, which the worker decodes itself,
// so a large series never passes through the UI thread.
import type { StackPosition } from '../../core/ingest/stack.ts';
import type { FrameSource } from '../../workers/analysis.worker.ts';
import { sourceOf } from '../ingest/sources.ts';
import { isFrameCached, loadFrame } from '../services/frames.ts';

export async function frameSource({ instance, frame }: StackPosition): Promise<FrameSource> {
  if (isFrameCached(instance, frame)) {
    const f = await loadFrame(instance, frame);
    return { kind: 'values', values: f.values, columns: f.columns, rows: f.rows };
  }
  const blob = sourceOf(instance.file);
  if (!blob) throw new Error(`${instance.file} is no longer available`);
  return { kind: 'file', blob, meta: instance, frame };
}

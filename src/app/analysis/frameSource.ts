// How a worker gets its frames: decoded values when the frame cache has them (not decoded
// twice), else the file's Blob, which the worker decodes itself from the pixel layout its meta
// records. On a cross-origin isolated page cached frames live in SharedArrayBuffers and go as
// shared views, without a copy, however many. Otherwise cached values are cloned into the
// message, so a job takes them only up to a byte budget and the rest of a large series goes as
// Blobs (handles, not bytes) that never pass through the UI thread.
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
    if (!isFrameCached(p.instance, p.frame)) {
      out.push(fileSource(p));
      continue;
    }
    const bytes = p.instance.rows * p.instance.columns * 4;
    // A colour or failed frame goes as its file: the worker takes a colour frame's luminance
    // there (off this thread) and says why a failed one cannot be analysed.
    const f = await loadFrame(p.instance, p.frame).catch(() => null);
    const grey = f?.samplesPerPixel === 1 ? f : null;
    const { values, columns, rows } = grey ?? { values: null, columns: 0, rows: 0 };
    if (values?.buffer instanceof SharedArrayBuffer) {
      out.push({ kind: 'shared', values, columns, rows });
    } else if (values && bytes <= budget) {
      out.push({ kind: 'values', values, columns, rows });
      budget -= bytes;
    } else out.push(fileSource(p));
  }
  return out;
}

export async function frameSource(p: StackPosition): Promise<FrameSource> {
  return (await frameSources([p]))[0];
}

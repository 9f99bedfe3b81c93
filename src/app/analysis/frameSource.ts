// How a worker gets its frames: decoded values when the frame cache has them (not decoded
// twice), else the file's Blob, which the worker decodes itself from the pixel layout its meta
// records. On a cross-origin isolated page cached frames live in SharedArrayBuffers and go as
// shared views, without a copy, however many. Otherwise cached values are cloned into the
// message, so a job takes them only up to a byte budget and the rest of a large series goes as
// Blobs (handles, not bytes) that never pass through the UI thread.
// A frame not yet cached is first decoded by the viewer's bounded decode (services/frames.ts:
// a decode worker stopped past its 30 s budget), so every frame a worker decodes again has
// already decoded within the budget, and a frame whose codec spins (a damaged codestream the
// marker checks let through) fails the job with `decode-timeout` instead of holding an
// analysis or filter worker, which has no budget of its own, until Cancel.
import type { StackPosition } from '../../core/ingest/stack.ts';
import { ProblemError } from '../../core/result.ts';
import type { FrameSource } from '../../workers/analysis.worker.ts';
import { sourceOf } from '../ingest/sources.ts';
import { FrameError, isFrameCached, loadFrame } from '../services/frames.ts';

const CLONE_BUDGET_BYTES = 32 << 20;

function fileSource({ instance, frame }: StackPosition): FrameSource {
  const blob = sourceOf(instance.file);
  if (!blob) throw new Error(`${instance.file} is no longer available`);
  return { kind: 'file', blob, meta: instance, frame };
}

/** Decodes the positions not yet cached in the decode pool (in parallel, as the viewer does);
 * a frame past the time budget is the job's Problem, any other failure the worker's to say. */
async function decodeWithinBudget(
  positions: readonly StackPosition[],
): Promise<Set<StackPosition>> {
  const decoded = new Set<StackPosition>();
  const uncached = positions.filter((p) => !isFrameCached(p.instance, p.frame));
  const outcomes = await Promise.all(
    uncached.map((p) =>
      loadFrame(p.instance, p.frame).then(
        () => decoded.add(p) && null,
        (e: unknown) => e,
      ),
    ),
  );
  for (const e of outcomes)
    if (e instanceof FrameError && e.error.code === 'decode-timeout')
      throw new ProblemError(e.error.code, e.error.reason, e.error.params);
  return decoded;
}

export async function frameSources(positions: readonly StackPosition[]): Promise<FrameSource[]> {
  const decoded = await decodeWithinBudget(positions);
  let budget = CLONE_BUDGET_BYTES;
  const out: FrameSource[] = [];
  for (const p of positions) {
    // A frame whose decode failed (not for time) goes as its file: the worker says why.
    if (!decoded.has(p) && !isFrameCached(p.instance, p.frame)) {
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

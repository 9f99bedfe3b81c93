// Instances that arrive as bytes (a PACS series read as it streams) into the study index, at the
// page's pace rather than the network's: each is in a SharedArrayBuffer (joined once, here or by
// the PACS series worker; the ingest and decode workers read it in place, no copy and no Blob),
// handed to the ingest workers in batches, and their answers reach the store a few times a second
// (on an animation frame), so a 200-slice series is a few renders, not one per slice. The first
// instance goes at once: the viewer shows it.
import type { InstanceMeta, LoadError } from '../../core/dicom/types.ts';
import type { MaskSummary } from '../../core/masks/maskSlices.ts';
import { showFirstSeries } from '../actions/loadFiles.ts';
import { ingestPool } from '../services/workers.ts';
import { useStore } from '../store/store.ts';
import { joinedBytes } from './joinedBytes.ts';
import { oncePerFrame } from './oncePerFrame.ts';
import { rememberBytes } from './sources.ts';

const BATCH = 16;
/** How long a partly filled batch waits for more before it goes. */
const BATCH_WAIT_MS = 16;
/** The least time between two store updates. */
const UPDATE_GAP_MS = 150;

export interface BytesFeed {
  /** One file's bytes, as one array or as the pieces it came in (joined here, once). */
  add(file: string, pieces: Uint8Array | readonly Uint8Array[]): void;
  /** Resolves when the files added so far are in the store (or the error list); adds go on. */
  settled(): Promise<void>;
  /** Resolves when every file added is in the store (or in the error list). */
  done(): Promise<void>;
}

export function bytesFeed(): BytesFeed {
  let batch: { file: string; bytes: Uint8Array }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  const pending: Promise<void>[] = [];
  // What the workers answered since the last store update.
  let metas: InstanceMeta[] = [];
  let errors: LoadError[] = [];
  let masks: MaskSummary[] = [];
  let read = 0;
  let total = 0;

  const apply = () => {
    const store = useStore.getState();
    if (total > 0) store.addToTotal(total);
    if (metas.length > 0) store.addInstances(metas);
    if (masks.length > 0) store.addMaskFiles(masks);
    store.addErrors(errors);
    if (read > 0) store.markRead(read);
    metas = [];
    errors = [];
    masks = [];
    read = 0;
    total = 0;
    showFirstSeries();
  };
  // A few store updates a second while a series arrives: each is a render of the study browser
  // and viewer, and the whole series is indexed by the last one (done()).
  const update = oncePerFrame(apply, UPDATE_GAP_MS);

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    total += sent.length;
    const now = first;
    first = false;
    pending.push(
      ingestPool.call(undefined, 'parseBytes', sent).then(
        (r) => {
          if (r.ok) {
            metas.push(...r.value.metas);
            errors.push(...r.value.errors);
            masks.push(...r.value.masks);
          } else {
            errors.push(...sent.map((s) => readFailed(s.file, r.error.reason)));
          }
          read += sent.length;
          // The slice the viewer shows first is not held back for a frame.
          if (now) apply();
          else update();
        },
        (e: unknown) => {
          // The worker itself died (out of memory?): every file of the batch gets its line.
          const reason = e instanceof Error ? e.message : String(e);
          errors.push(...sent.map((s) => readFailed(s.file, reason)));
          read += sent.length;
          update();
        },
      ),
    );
  };

  return {
    add(file, pieces) {
      const bytes = joinedBytes(pieces);
      rememberBytes(file, bytes);
      batch.push({ file, bytes });
      if (first || batch.length >= BATCH) flush();
      else timer ??= setTimeout(flush, BATCH_WAIT_MS);
    },
    async settled() {
      flush();
      await Promise.all(pending);
    },
    async done() {
      flush();
      await Promise.all(pending);
      apply();
    },
  };
}

function readFailed(file: string, why: string): LoadError {
  return { code: 'read-failed', file, reason: `could not be read (${why})` };
}

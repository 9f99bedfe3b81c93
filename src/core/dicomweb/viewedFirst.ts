// A series in one WADO-RS request with the slice a viewer shows first handed on first. The QIDO
// that names that slice runs beside the series request instead of before it, and a PACS that
// streams a series in instance order (Orthanc does) sends that slice as the answer's first part,
// so the first image costs one round trip, not three in a row (QIDO, the instance, then the
// series), and no instance is downloaded twice. A first part that is instance number 1 by its
// own header is handed on without waiting for the QIDO. Where the slice is not the first part,
// it is asked for by itself, as viewedSlice does, while the series keeps arriving.
import { parseInstance } from '../dicom/parse.ts';
import type { DicomwebClient, SignalLike } from './http.ts';
import { viewedInstance, type ViewedInstance } from './viewedSlice.ts';
import { instanceUrl } from './retrieve.ts';
import { storedInstance, streamedSeries, type SeriesRef, type StreamedInstance } from './wado.ts';

export interface SeriesInstance extends StreamedInstance {
  /** The slice to show first: the first instance handed on, and only it. */
  readonly viewed: boolean;
  /** Its Instance Number where QIDO named it (the viewed slice only). */
  readonly instanceNumber?: number;
}

/** The instance marked, its bytes still joined only on first use. */
function marked(part: StreamedInstance, viewed: boolean, instanceNumber?: number): SeriesInstance {
  return {
    file: part.file,
    ...(part.sopInstanceUid !== undefined ? { sopInstanceUid: part.sopInstanceUid } : {}),
    pieces: part.pieces,
    get bytes() {
      return part.bytes;
    },
    viewed,
    ...(instanceNumber !== undefined ? { instanceNumber } : {}),
  };
}

/** The Instance Number in an instance's header, or undefined where it has none or no header. */
function numberOf(part: StreamedInstance): number | undefined {
  const parsed = parseInstance(part.bytes, part.file);
  return parsed.ok ? (parsed.meta.instanceNumber ?? undefined) : undefined;
}

/** The answer's remaining parts, but the one with SOP Instance UID `skip`. */
async function* rest(
  parts: AsyncGenerator<StreamedInstance>,
  skip: string | undefined,
): AsyncGenerator<SeriesInstance> {
  for (;;) {
    const next = await parts.next();
    if (next.done) return;
    if (skip !== undefined && next.value.sopInstanceUid === skip) continue;
    yield marked(next.value, false);
  }
}

/**
 * Every instance of the series, each as soon as it is in, the viewed slice (instance number 1,
 * else the one QIDO lists first) before the others. A failed QIDO costs only the order: the
 * answer's first part is shown first. Fails as streamedSeries does.
 */
export async function* viewedFirst(
  client: DicomwebClient,
  ref: SeriesRef,
  signal?: SignalLike,
): AsyncGenerator<SeriesInstance> {
  const asked: Promise<ViewedInstance | undefined> = viewedInstance(client, ref, signal).catch(
    () => undefined,
  );
  const parts = streamedSeries(client, ref, signal);
  try {
    const first = await parts.next();
    if (first.done) return;
    if (numberOf(first.value) === 1) {
      yield marked(first.value, true, 1);
      yield* rest(parts, undefined);
      return;
    }
    const viewed = await asked;
    const sop = viewed?.sopInstanceUid;
    let skip: string | undefined;
    // The QIDO's slice where it is not the answer's first part: asked for by itself (the series
    // waits in the transport's queue meanwhile) and skipped where the series brings it. Where
    // that request fails, the first part is shown first and the slice comes with the series.
    const bytes =
      sop === undefined || first.value.sopInstanceUid === sop
        ? undefined
        : await storedInstance(client, ref, sop, signal).catch(() => undefined);
    if (sop === undefined || bytes === undefined) {
      const named = first.value.sopInstanceUid === sop ? viewed?.instanceNumber : undefined;
      yield marked(first.value, true, named);
    } else {
      yield marked(
        { file: instanceUrl(client, ref, sop), sopInstanceUid: sop, pieces: [bytes], bytes },
        true,
        viewed?.instanceNumber,
      );
      yield marked(first.value, false);
      skip = sop;
    }
    yield* rest(parts, skip);
  } finally {
    // A consumer that stops early frees the series' connection.
    await parts.return(undefined);
  }
}

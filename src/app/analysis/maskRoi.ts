// Structures of RTSTRUCT and SEG files as ROIs of the Analysis tab: which files belong to a
// series, and one structure placed on the series' slices by a worker, kept as a mask ROI.
import type { MaskSummary } from '../../core/masks/maskSlices.ts';
import type { StructureRef } from '../../core/masks/types.ts';
import { fail, ok, type Result } from '../../core/result.ts';
import { sourceOf } from '../ingest/sources.ts';
import { ingestPool } from '../services/workers.ts';
import type { AppState } from '../store/store.ts';
import { useStore } from '../store/store.ts';
import { positionKey } from '../viewer/useStackFrame.ts';

export interface SeriesStructure {
  mask: MaskSummary;
  structure: StructureRef;
  /** "file#number": the value the ROI menu uses. */
  key: string;
}

/**
 * The structures of the mask files that reference the series, or, for a file that names no
 * series, that share its Frame of Reference.
 */
export function structuresOfSeries(s: AppState, seriesUID: string): SeriesStructure[] {
  const series = s.seriesByUid[seriesUID];
  if (!series) return [];
  const frame = series.instances[0]?.frameOfReferenceUID ?? '';
  return s.maskFiles
    .filter((m) =>
      m.referencedSeriesUIDs.length > 0
        ? m.referencedSeriesUIDs.includes(seriesUID)
        : frame !== '' && m.frameOfReferenceUID === frame,
    )
    .flatMap((mask) =>
      mask.structures.map((structure) => ({
        mask,
        structure,
        key: `${mask.file}#${structure.number}`,
      })),
    );
}

/** Places the structure on the series in a worker and keeps it as the series' ROI; its id. */
export async function importStructureRoi(
  seriesUID: string,
  chosen: SeriesStructure,
): Promise<Result<string>> {
  const s = useStore.getState();
  const known = s.rois.find((r) => r.source === chosen.key && r.seriesUID === seriesUID);
  if (known) return ok(s.addMaskRoi(seriesUID, known.name, known.shapes, chosen.key));
  const blob = sourceOf(chosen.mask.file);
  const series = s.seriesByUid[seriesUID];
  const stack = s.stacks[seriesUID];
  if (!blob || !series || !stack) return fail('mask-failed', 'the mask file is no longer loaded');
  let placed;
  try {
    placed = await ingestPool.call(
      undefined,
      'maskSlices',
      blob,
      chosen.mask.file,
      chosen.structure.number,
      series.instances,
    );
  } catch (e) {
    return fail('mask-failed', e instanceof Error ? e.message : String(e));
  }
  if (!placed.ok) return placed;
  if (series.instances.length !== stack.length)
    return fail('mask-failed', 'masks are placed on series of single-frame slices only');
  const shapes = Object.fromEntries(
    placed.value.slices.map((x) => [
      positionKey(stack[x.index]),
      { kind: 'mask' as const, runs: x.runs },
    ]),
  );
  const kind = chosen.mask.kind === 'rtstruct' ? 'RTSTRUCT' : 'SEG';
  const name = `${placed.value.name} (${kind})`;
  return ok(useStore.getState().addMaskRoi(seriesUID, name, shapes, chosen.key));
}

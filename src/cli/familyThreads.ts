// The feature families of one large ROI computed in parallel worker threads, for a run with
// more threads than series (one whole-image CT on an 8-core machine): the processed image and
// mask are shared (SharedArrayBuffer), each thread computes a group of families, and the values
// are put back in family order, the same numbers as one thread computes.
import { computeFeatures, prepareRoi, type FeatureSet } from '../core/analysis/computeFeatures.ts';
import type { FamilyId } from '../core/analysis/featureDef.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import { familyDefs } from '../core/analysis/registry.ts';
import { voxelTypeOf, type RoiVolume, type VoxelValues } from '../core/analysis/volume.ts';
import { processRoi, type RoiFeatureSet } from '../core/pipeline/roiFeatures.ts';
import type { computeFamilyGroup, FamilyGroupTask } from './familyThreadsWorker.ts';
import { ThreadPool } from './workerPool.ts';

/** Below this many ROI voxels, starting threads costs more than it saves (a tumour ROI takes
 * under a second on one). */
export const minVoxelsForThreads = 2 ** 22;

/** Most threads one ROI's families use: beyond this the zone families' group (GLSZM and GLDZM
 * share one labelling) is the whole wall time, and every thread holds its own grey levels. */
export const maxFamilyThreads = 4;

/** Relative CPU cost of each family on a whole 512x512x200 CT, less the shared preparation
 * (bench/wholeImage.bench.ts), to balance the groups. */
const familyCost: Record<FamilyId, number> = {
  'intensity-statistics': 0.1,
  'intensity-histogram': 0.1,
  glcm: 0.3,
  glrlm: 0.5,
  glszm: 1,
  ngtdm: 0.25,
  ngldm: 0.15,
  gldzm: 1.1,
  'intensity-volume-histogram': 0.2,
  morphology: 1.2,
  'local-intensity': 0.8,
};

/** Families in at most n groups of about equal cost (largest first to the cheapest group);
 * GLSZM and GLDZM stay together, as they share one zone labelling. */
export function familyGroups(families: readonly FamilyId[], n: number): FamilyId[][] {
  const items: FamilyId[][] = [];
  const zones: FamilyId[] = families.filter((f) => f === 'glszm' || f === 'gldzm');
  if (zones.length > 0) items.push(zones);
  for (const f of families) if (!zones.includes(f)) items.push([f]);
  const cost = (g: readonly FamilyId[]): number => g.reduce((c, f) => c + familyCost[f], 0);
  items.sort((a, b) => cost(b) - cost(a));
  const groups: FamilyId[][] = Array.from({ length: Math.min(n, items.length) }, () => []);
  for (const item of items) {
    groups.sort((a, b) => cost(a) - cost(b));
    groups[0].push(...item);
  }
  return groups.filter((g) => g.length > 0);
}

function shared<T extends VoxelValues | Uint8Array>(a: T): SharedArrayBuffer {
  if (
    a.buffer instanceof SharedArrayBuffer &&
    a.byteOffset === 0 &&
    a.byteLength === a.buffer.byteLength
  )
    return a.buffer;
  const buffer = new SharedArrayBuffer(a.byteLength);
  new Uint8Array(buffer).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return buffer;
}

/** Grey levels in shared memory, read by every thread in place. */
const sharedLevels = (n: number): Uint16Array => new Uint16Array(new SharedArrayBuffer(2 * n));

/** No mask: every voxel. */
function voxelsIn(mask: Uint8Array | undefined, length: number): number {
  if (!mask) return length;
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  return n;
}

/**
 * computeFeatures(roi, params, families) with the families split over up to `threads` worker
 * threads; in this thread when one thread is asked for, the ROI is small, or a group fails
 * (its error is then the one a single thread gives).
 */
export async function computeFeaturesInThreads(
  roi: RoiVolume,
  params: FeatureParams,
  families: readonly FamilyId[] = Object.keys(familyDefs) as FamilyId[],
  threads: number,
  minVoxels = minVoxelsForThreads,
): Promise<FeatureSet> {
  const groups = threads > 1 ? familyGroups(families, Math.min(threads, maxFamilyThreads)) : [];
  const repeated = new Set(families).size !== families.length;
  if (groups.length < 2 || repeated || voxelsIn(roi.mask, roi.values.length) < minVoxels)
    return computeFeatures(roi, params, families);
  // This thread computes the first group itself: one worker's runtime (~40 MB) less.
  const [own, ...others] = groups;
  const pool = new ThreadPool<typeof computeFamilyGroup>(
    new URL('./familyThreadsWorker.ts', import.meta.url),
    others.length,
  );
  try {
    // Every thread started now, loading its modules while this one prepares the ROI.
    const started = Promise.all(others.map(() => pool.run(null)));
    // Rejected by close() when preparing throws; that error is the one to report.
    started.catch(() => undefined);
    // The box, masks and grey levels once, here, for every thread (not once per thread); the
    // levels (2 bytes a voxel) are written straight into shared memory, never copied.
    const prepared = prepareRoi(roi, params, sharedLevels);
    const { box, masked, discrete } = prepared;
    const task: Omit<FamilyGroupTask, 'families'> = {
      values: shared(roi.values),
      valueType: voxelTypeOf(roi.values),
      mask: roi.mask ? shared(roi.mask) : null,
      dims: roi.dims,
      spacingMm: roi.spacingMm,
      params,
      prepared: {
        box:
          box === roi
            ? null
            : {
                values: shared(box.values),
                mask: box.mask ? shared(box.mask) : null,
                dims: box.dims,
              },
        z0: prepared.z0,
        range: prepared.range,
        intensityMask: !masked.mask || masked.mask === box.mask ? null : shared(masked.mask),
        lo: masked.lo,
        hi: masked.hi,
        voxels: masked.voxels,
        levels: shared(discrete.levels),
        levelCount: discrete.levelCount,
      },
    };
    await started;
    const running = Promise.all(others.map((g) => pool.run({ ...task, families: g })));
    // Null where this group fails, as a worker's: all are then computed again below.
    let mine: FeatureSet | null = null;
    try {
      mine = computeFeatures(roi, params, own, {}, prepared);
    } catch {
      mine = null;
    }
    const sets = [mine, ...(await running)];
    if (sets.some((s) => s === null)) return computeFeatures(roi, params, families, {}, prepared);
    const byFamily = new Map<FamilyId, FeatureSet['features']>();
    for (const set of sets as FeatureSet[])
      for (const f of set.features) {
        const list = byFamily.get(f.family) ?? [];
        list.push(f);
        byFamily.set(f.family, list);
      }
    return {
      params,
      roiVoxels: (sets[0] as FeatureSet).roiVoxels,
      features: families.flatMap((f) => byFamily.get(f) ?? []),
    };
  } finally {
    await pool.close();
  }
}

/** roiFeatures (core/pipeline) with the families split as computeFeaturesInThreads splits them:
 * the same set, for `features` ROIs and `analyze` whole images alike. */
export async function roiFeaturesInThreads(
  roi: RoiVolume,
  params: FeatureParams,
  modality: string,
  families: readonly FamilyId[] | undefined,
  threads: number,
  minVoxels = minVoxelsForThreads,
): Promise<RoiFeatureSet> {
  const processed = processRoi(roi, params, modality);
  const set = await computeFeaturesInThreads(processed, params, families, threads, minVoxels);
  return { ...set, dims: processed.dims, spacingMm: processed.spacingMm };
}

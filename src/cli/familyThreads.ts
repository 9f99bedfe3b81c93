// The feature families of one large ROI computed in parallel worker threads, for a run with
// more threads than series (one whole-image CT on an 8-core machine): the processed image and
// mask are shared (SharedArrayBuffer), each thread (this one and workers) computes a group of
// families, and the values are put back in family order, the same numbers as one thread
// computes.
import {
  computeFeatures,
  prepareBox,
  usesLevels,
  withLevels,
  type FeatureSet,
  type PreparedRoi,
} from '../core/analysis/computeFeatures.ts';
import type { FamilyId } from '../core/analysis/featureDef.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import { familyDefs } from '../core/analysis/registry.ts';
import { voxelTypeOf, type RoiVolume, type VoxelValues } from '../core/analysis/volume.ts';
import { processRoi, type RoiFeatureSet } from '../core/pipeline/roiFeatures.ts';
import type { computeFamilyGroup, FamilyGroupTask } from './familyThreadsWorker.ts';
import { computeInUnits, familyUnits } from './familyUnits.ts';
import { ThreadPool } from './workerPool.ts';

/** Below this many ROI voxels, starting threads costs more than it saves (a tumour ROI takes
 * under a second on one). */
export const minVoxelsForThreads = 2 ** 22;

/** Most threads one ROI's families use: beyond this local intensity alone is most of the wall
 * time, and every worker holds its own runtime (~40 MB) and scratch memory. */
export const maxFamilyThreads = 4;

/** CPU seconds of each family on the 200-slice 512x512 demo CT, less the shared preparation
 * (bench/wholeImage.bench.ts 'dicom' lines, one family each), to balance the groups. */
const familyCost: Record<FamilyId, number> = {
  'intensity-statistics': 0.1,
  'intensity-histogram': 0.05,
  glcm: 0.6,
  glrlm: 0.85,
  glszm: 0.35,
  ngtdm: 0.45,
  ngldm: 0.1,
  gldzm: 0.1,
  'intensity-volume-histogram': 0.1,
  morphology: 0.65,
  'local-intensity': 2.4,
};

/** Families in at most n groups of about equal cost (largest first to the cheapest group);
 * the families of a pair (GLSZM and GLDZM, NGTDM and NGLDM) stay together, as they share one
 * pass. */
export function familyGroups(families: readonly FamilyId[], n: number): FamilyId[][] {
  const items = familyUnits(families);
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

/** What the threads of one phase share: the ROI and what its families start from. */
function taskOf(roi: RoiVolume, params: FeatureParams, prepared: PreparedRoi): SharedTask {
  const { box, masked, discrete } = prepared;
  return {
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
}

type SharedTask = Omit<FamilyGroupTask, 'families'>;

/**
 * computeFeatures(roi, params, families) with the families split over up to `threads` threads
 * (this one and workers); in this thread alone when one thread is asked for, the ROI is small,
 * or a group fails (its error is then the one a single thread gives).
 *
 * Two phases, so that the grey levels (2 bytes a voxel) never exist beside the families with the
 * largest scratch memory, which do not read them (morphology's mesh, local intensity's sphere
 * sums): first the families without levels, split over the threads; then the levels, written
 * once into shared memory, and the families that read them. A whole image then stays within 3x
 * its int16 size with two threads (bench/wholeImage.bench.ts 'all-threads').
 */
export async function computeFeaturesInThreads(
  roi: RoiVolume,
  params: FeatureParams,
  families: readonly FamilyId[] = Object.keys(familyDefs) as FamilyId[],
  threads: number,
  minVoxels = minVoxelsForThreads,
): Promise<FeatureSet> {
  const n = Math.min(threads, maxFamilyThreads);
  const phases = [families.filter((f) => !usesLevels(f)), families.filter(usesLevels)]
    .map((list) => (threads > 1 ? familyGroups(list, n) : []))
    .filter((groups) => groups.length > 0);
  const workers = Math.max(0, ...phases.map((groups) => groups.length - 1));
  const repeated = new Set(families).size !== families.length;
  if (workers === 0 || repeated || voxelsIn(roi.mask, roi.values.length) < minVoxels)
    return computeFeatures(roi, params, families);
  const pool = new ThreadPool<typeof computeFamilyGroup>(
    new URL('./familyThreadsWorker.ts', import.meta.url),
    workers,
  );
  try {
    // Every worker started now, loading its modules while this thread prepares the ROI.
    const started = Promise.all(Array.from({ length: workers }, () => pool.run(null)));
    // Rejected by close() when preparing throws; that error is the one to report.
    started.catch(() => undefined);
    // The box, masks and range once, here, for every thread (not once per thread).
    const box = prepareBox(roi, params);
    const sets: (FeatureSet | null)[] = [];
    for (const groups of phases) {
      // The levels are made in shared memory, read by every thread in place, never copied.
      const prepared: PreparedRoi = groups.flat().some(usesLevels)
        ? withLevels(box, params, sharedLevels)
        : { ...box, discrete: { ...noLevels, dims: box.box.dims, spacingMm: box.box.spacingMm } };
      const task = taskOf(roi, params, prepared);
      await started;
      // This thread computes the first group itself: one worker's runtime (~40 MB) less.
      const [own, ...others] = groups;
      const running = Promise.all(others.map((g) => pool.run({ ...task, families: g })));
      // Null where this group fails, as a worker's: all are then computed again below.
      let mine: FeatureSet | null = null;
      try {
        mine = computeInUnits(roi, params, own, prepared);
      } catch {
        mine = null;
      }
      sets.push(mine, ...(await running));
      if (sets.some((s) => s === null)) return computeFeatures(roi, params, families);
    }
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

/** The first phase's stand-in for grey levels: its families never read them. */
const noLevels = { levels: new Uint16Array(0), levelCount: 0 };

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

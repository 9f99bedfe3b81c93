// One thread's group of families (src/cli/familyThreads.ts) computed a unit at a time, with a
// full garbage collection after each: a whole image's families each leave tens of MB of typed
// arrays behind (a mesh's padded mask, sphere sums, neighbourhood counts) that V8 collects late,
// and with two threads these piled up to a third of the image's int16 size above one thread's
// peak. Same values: each unit is computed from the same prepared ROI.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  computeFeatures,
  type FeatureSet,
  type PreparedRoi,
} from '../core/analysis/computeFeatures.ts';
import type { FamilyId } from '../core/analysis/featureDef.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import type { RoiVolume } from '../core/analysis/volume.ts';

/** Families computed from one shared pass when asked for together (computeFeatures): GLSZM and
 * GLDZM label the same zones, NGTDM and NGLDM count the same neighbourhoods. */
export const familyPairs: readonly (readonly FamilyId[])[] = [
  ['glszm', 'gldzm'],
  ['ngtdm', 'ngldm'],
];

/** The families in order, a pair's families in one unit (at the first one's place). */
export function familyUnits(families: readonly FamilyId[]): FamilyId[][] {
  const units: FamilyId[][] = [];
  for (const f of families) {
    const pair = familyPairs.find((p) => p.includes(f));
    const unit = pair ? units.find((u) => u.some((g) => pair.includes(g))) : undefined;
    if (unit) unit.push(f);
    else units.push([f]);
  }
  return units;
}

let gc: (() => void) | undefined;

/** V8's full collection, exposed for this process on first use (node --expose-gc does the same
 * at start). */
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** computeFeatures(roi, params, families, {}, prepared), a unit at a time, collecting after each. */
export function computeInUnits(
  roi: RoiVolume,
  params: FeatureParams,
  families: readonly FamilyId[],
  prepared: PreparedRoi,
): FeatureSet {
  const features: FeatureSet['features'] = [];
  let roiVoxels = 0;
  for (const unit of familyUnits(families)) {
    const set = computeFeatures(roi, params, unit, {}, prepared);
    roiVoxels = set.roiVoxels;
    features.push(...set.features);
    collectGarbage();
  }
  return { params, roiVoxels, features };
}

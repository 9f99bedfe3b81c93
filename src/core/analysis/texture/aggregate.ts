// IBSI texture aggregation: how matrices from slices and directions become one feature vector.
import type { DiscreteVolume } from '../volume';
import { directions2d, directions3d, type Direction } from './directions';
import { matrixIsEmpty, mergeMatrices, type TextureMatrix } from './matrix';

/** Directional families (GLCM, GLRLM): the six IBSI aggregations. */
export type DirectionalAggregation =
  '2d-avg' | '2d-merged' | '2.5d-direction-merged' | '2.5d-merged' | '3d-avg' | '3d-merged';

/** Zone families (GLSZM, GLDZM, NGTDM, NGLDM): per slice (2D), slices merged (2.5D), or 3D. */
export type ZoneAggregation = '2d' | '2.5d' | '3d';

export const directionalAggregationCodes: Record<DirectionalAggregation, string> = {
  '2d-avg': 'BTW3',
  '2d-merged': 'SUJT',
  '2.5d-direction-merged': 'JJUI',
  '2.5d-merged': 'ZW7Z',
  '3d-avg': 'ITBB',
  '3d-merged': 'IAZD',
};

/** The six, in IBSI order. */
export const directionalAggregations = Object.keys(
  directionalAggregationCodes,
) as readonly DirectionalAggregation[];

export const zoneAggregationCodes: Record<ZoneAggregation, string> = {
  '2d': '8QNN',
  '2.5d': '62GR',
  '3d': 'KOBO',
};

/** The zone aggregation that matches a directional one (2D, 2.5D or 3D). */
export function zoneAggregationOf(a: DirectionalAggregation): ZoneAggregation {
  if (a.startsWith('2d')) return '2d';
  if (a.startsWith('2.5d')) return '2.5d';
  return '3d';
}

/** One matrix per direction, for slice z (2D) or the whole volume (z = -1). */
export type MatricesOf = (directions: readonly Direction[], z: number) => TextureMatrix[];
export type FeaturesOf = (matrix: TextureMatrix) => Float64Array;

function slicesWithRoi(volume: DiscreteVolume): number[] {
  const [nx, ny, nz] = volume.dims;
  const plane = nx * ny;
  const out: number[] = [];
  for (let z = 0; z < nz; z++) {
    const base = z * plane;
    for (let i = 0; i < plane; i++) {
      if (volume.levels[base + i] > 0) {
        out.push(z);
        break;
      }
    }
  }
  return out;
}

/** Mean of feature vectors from the non-empty matrices. */
function averageFeatures(matrices: readonly TextureMatrix[], features: FeaturesOf): Float64Array {
  let acc: Float64Array | null = null;
  let n = 0;
  for (const m of matrices) {
    if (matrixIsEmpty(m)) continue;
    const f = features(m);
    if (!acc) acc = new Float64Array(f.length);
    for (let i = 0; i < f.length; i++) acc[i] += f[i];
    n++;
  }
  if (!acc) return features(matrices[0]);
  for (let i = 0; i < acc.length; i++) acc[i] /= n;
  return acc;
}

export function aggregateDirectional(
  volume: DiscreteVolume,
  aggregation: DirectionalAggregation,
  matricesOf: MatricesOf,
  features: FeaturesOf,
): Float64Array {
  if (aggregation === '3d-avg' || aggregation === '3d-merged') {
    const ms = matricesOf(directions3d, -1);
    return aggregation === '3d-avg' ? averageFeatures(ms, features) : features(mergeMatrices(ms));
  }
  const slices = slicesWithRoi(volume);
  const perSlice = slices.map((z) => matricesOf(directions2d, z));
  switch (aggregation) {
    case '2d-avg':
      return averageFeatures(perSlice.flat(), features);
    // IBSI "slice-merged": per slice, the directions' matrices merge; slices are averaged.
    case '2d-merged':
      return averageFeatures(
        perSlice.map((s) => mergeMatrices(s)),
        features,
      );
    // IBSI "direction-merged": per direction, the slices' matrices merge; directions averaged.
    case '2.5d-direction-merged':
      return averageFeatures(
        directions2d.map((_, k) => mergeMatrices(perSlice.map((s) => s[k]))),
        features,
      );
    case '2.5d-merged':
      return features(mergeMatrices(perSlice.flat()));
  }
}

/** Zone families ignore direction; matrixOf gets a dummy one. */
export function aggregateZones(
  volume: DiscreteVolume,
  aggregation: ZoneAggregation,
  matrixOf: (z: number) => TextureMatrix,
  features: FeaturesOf,
): Float64Array {
  if (aggregation === '3d') return features(matrixOf(-1));
  const perSlice = slicesWithRoi(volume).map((z) => matrixOf(z));
  return aggregation === '2d'
    ? averageFeatures(perSlice, features)
    : features(mergeMatrices(perSlice));
}

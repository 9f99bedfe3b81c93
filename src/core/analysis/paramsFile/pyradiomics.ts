// PyRadiomics parameter files (setting:, imageType:, featureClass:) read where a key means
// exactly what a Consilium setting means, and refused key by key, in plain words, where it
// does not: a file that is read gives the values PyRadiomics' settings ask for, IBSI's way.
import type { FamilyId } from '../featureDef.ts';
import type { SettingsProblem } from './schemaProblems.ts';
import { shown } from './schemaProblems.ts';
import type { SettingsFile } from './settings.ts';

const sections = ['setting', 'imageType', 'featureClass', 'voxelSetting'];

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A PyRadiomics file has its sections at the top; a Consilium file has none of them. */
export function isPyRadiomics(data: unknown): data is Obj {
  return isObj(data) && Object.keys(data).some((k) => sections.includes(k));
}

/** PyRadiomics feature classes and the IBSI families they are. firstorder holds both IBSI's
 * intensity statistics and its discretised-histogram features (entropy, uniformity). */
const classFamilies: Record<string, FamilyId[]> = {
  firstorder: ['intensity-statistics', 'intensity-histogram'],
  shape: ['morphology'],
  glcm: ['glcm'],
  glrlm: ['glrlm'],
  glszm: ['glszm'],
  gldm: ['ngldm'],
  ngtdm: ['ngtdm'],
};
/** What PyRadiomics computes when featureClass is absent. */
const defaultClasses = ['firstorder', 'shape', 'glcm', 'glrlm', 'glszm', 'gldm', 'ngtdm'];

/** Keys that change nothing PyRadiomics computes here (no resampling, no normalisation, no
 * filter enabled: every filter is refused below), or only what it logs and how fast. */
const noEffect = new Set([
  'additionalInfo',
  'preCrop',
  'enableCExtensions',
  'geometryTolerance',
  'interpolator',
  'padDistance',
  'normalizeScale',
  'removeOutliers',
  'resegmentMode',
  'sigma',
  'start_level',
  'level',
  'wavelet',
  'gradientUseSpacing',
  'lbp2DRadius',
  'lbp2DSamples',
  'lbp2DMethod',
  'lbp3DLevels',
  'lbp3DIcosphereRadius',
  'lbp3DIcosphereSubdivision',
  'binMinimum', // read with binWidth
]);

/** Keys whose PyRadiomics value is accepted only at the value IBSI's definition agrees with. */
const onlyAt: Record<string, { value: unknown; why: string }> = {
  normalize: {
    value: false,
    why: 'PyRadiomics then rescales intensities to mean 0 and SD 1 (times normalizeScale); IBSI has no such step',
  },
  resegmentShape: {
    value: false,
    why: 'PyRadiomics then computes shape on the re-segmented mask; IBSI morphology uses the mask before re-segmentation',
  },
  symmetricalGLCM: {
    value: true,
    why: "IBSI's GLCM counts each pair both ways (symmetrical)",
  },
  weightingNorm: {
    value: null,
    why: 'IBSI has no distance weighting of GLCM matrices',
  },
  voxelArrayShift: {
    value: 0,
    why: 'PyRadiomics adds it to intensities for its energy features; IBSI energy uses the intensities as they are',
  },
  correctMask: {
    value: false,
    why: 'PyRadiomics then resamples a mask on another grid onto the image; Consilium refuses a mask off the image grid',
  },
  label_channel: { value: 0, why: 'Consilium reads one label channel' },
  force2Ddimension: { value: 0, why: 'Consilium takes 2D slices across the slice axis only' },
  minimumROIDimensions: {
    value: 1,
    why: 'PyRadiomics then refuses ROIs with fewer dimensions; Consilium computes every non-empty ROI',
  },
  minimumROISize: {
    value: 1,
    why: 'PyRadiomics then refuses smaller ROIs; Consilium computes every non-empty ROI',
  },
};

class Translation {
  readonly file: SettingsFile = {};
  readonly problems: SettingsProblem[] = [];
  refuse(key: string, reason: string, code = 'not-mapped'): void {
    this.problems.push({ key, code, reason });
  }
}

function isWhole(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min;
}

function isPositive(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

/** binCount, or binWidth when its bins start where IBSI starts them. */
function discretisation(t: Translation, s: Obj): void {
  const { binCount, binWidth, binMinimum, resegmentRange, resegmentMode } = s;
  if (binCount !== undefined && binCount !== null) {
    if (!isWhole(binCount, 1))
      return t.refuse(
        'setting.binCount',
        `must be a whole number above 0 (got ${shown(binCount)})`,
        'out-of-range',
      );
    t.file.discretisation = { kind: 'bin-count', binCount };
    return;
  }
  const width = binWidth ?? 25; // PyRadiomics' default
  const key = 'setting.binWidth';
  if (!isPositive(width))
    return t.refuse(key, `must be a number above 0 (got ${shown(width)})`, 'out-of-range');
  const lower =
    Array.isArray(resegmentRange) && (resegmentMode ?? 'absolute') === 'absolute'
      ? resegmentRange[0]
      : undefined;
  if (typeof binMinimum === 'number' && binMinimum === lower) {
    t.file.discretisation = { kind: 'bin-width', binWidth: width };
    return;
  }
  const given = binWidth === undefined ? 'is not given, so PyRadiomics bins by 25; ' : '';
  t.refuse(
    key,
    `${given}PyRadiomics counts fixed-width bins from the multiple of binWidth at or below the ROI minimum, IBSI from the lower re-segmentation bound: they agree only with binMinimum equal to resegmentRange's lower bound. Give both, or binCount`,
  );
}

function resegmentation(t: Translation, s: Obj): void {
  const range = s.resegmentRange;
  if (range === undefined || range === null) return;
  const key = 'setting.resegmentRange';
  if (
    !Array.isArray(range) ||
    range.length < 1 ||
    range.length > 2 ||
    !range.every((v) => typeof v === 'number' && Number.isFinite(v))
  )
    return t.refuse(key, `must list 1 or 2 numbers (got ${shown(range)})`, 'wrong-type');
  const [lo, hi] = range as number[];
  const mode = s.resegmentMode ?? 'absolute';
  if (mode === 'absolute') {
    if (hi !== undefined && lo > hi)
      return t.refuse(key, `needs min not above max (got ${shown(range)})`, 'out-of-range');
    t.file.resegment = [lo, hi ?? null];
  } else if (mode === 'sigma') {
    if (hi === undefined || lo !== -hi || !(hi > 0))
      return t.refuse(
        key,
        `with resegmentMode sigma maps to IBSI outlier filtering only as [-k, k] (got ${shown(range)})`,
      );
    t.file.outliers = hi;
  } else if (mode === 'relative')
    t.refuse(
      'setting.resegmentMode',
      'relative re-segmentation (fractions of the ROI maximum) has no IBSI counterpart',
    );
  else
    t.refuse(
      'setting.resegmentMode',
      `must be absolute, relative or sigma (got ${shown(mode)})`,
      'not-one-of',
    );
}

function settingKeys(t: Translation, s: Obj): void {
  discretisation(t, s);
  resegmentation(t, s);
  for (const [k, v] of Object.entries(s)) {
    const key = `setting.${k}`;
    if (['binCount', 'binWidth', 'resegmentRange'].includes(k) || noEffect.has(k)) continue;
    const rule = onlyAt[k];
    if (rule) {
      if (v !== rule.value) t.refuse(key, `${shown(v)} is not read: ${rule.why}`);
      continue;
    }
    switch (k) {
      case 'resampledPixelSpacing':
        if (v !== null)
          t.refuse(
            key,
            'is not read: PyRadiomics aligns the new grid with the corner of the ROI bounding box and resamples the mask by nearest neighbour; IBSI centres the new grid on the old one and thresholds the interpolated mask. Use resample in a Consilium settings file',
          );
        break;
      case 'label':
        if (!isWhole(v, 1))
          t.refuse(key, `must be a whole number above 0 (got ${shown(v)})`, 'out-of-range');
        else t.file.structure = [String(v)];
        break;
      case 'force2D':
        if (typeof v !== 'boolean')
          t.refuse(key, `must be true or false (got ${shown(v)})`, 'wrong-type');
        break;
      case 'distances':
        if (!(Array.isArray(v) && v.length === 1 && v[0] === 1))
          t.refuse(
            key,
            `${shown(v)} is not read: PyRadiomics takes every offset at that infinity-norm distance, IBSI one step along each direction; they agree at [1] only`,
          );
        break;
      case 'gldm_a':
        if (!isWhole(v, 0))
          t.refuse(key, `must be a whole number, 0 or more (got ${shown(v)})`, 'out-of-range');
        else t.file.ngldmAlpha = v;
        break;
      default:
        t.refuse(key, 'is not a PyRadiomics setting Consilium knows', 'unknown-key');
    }
  }
  // PyRadiomics' 3D texture: features per direction, averaged; force2D: in-plane directions,
  // each merged over the slices, then averaged.
  t.file.aggregation = s.force2D === true ? '2.5d-direction-merged' : '3d-avg';
  t.file.distance = 1;
}

function imageTypes(t: Translation, v: unknown): void {
  if (v === undefined || v === null) return;
  if (!isObj(v))
    return t.refuse('imageType', `must be a map of image types (got ${shown(v)})`, 'wrong-type');
  if (!('Original' in v))
    t.refuse('imageType', 'does not list Original, the image Consilium computes features on');
  for (const [name, own] of Object.entries(v)) {
    if (name !== 'Original') {
      t.refuse(`imageType.${name}`, 'image filters are not available yet; only Original is read');
      continue;
    }
    if (isObj(own))
      for (const k of Object.keys(own))
        t.refuse(
          `imageType.Original.${k}`,
          'per-image-type settings are not read; put them under setting:',
        );
    else if (own !== null)
      t.refuse('imageType.Original', `must be a map or empty (got ${shown(own)})`, 'wrong-type');
  }
}

function featureClasses(t: Translation, v: unknown): void {
  const classes: string[] = [];
  if (v === undefined || v === null) classes.push(...defaultClasses);
  else if (!isObj(v))
    return t.refuse(
      'featureClass',
      `must be a map of feature classes (got ${shown(v)})`,
      'wrong-type',
    );
  else
    for (const [name, features] of Object.entries(v)) {
      const key = `featureClass.${name}`;
      if (!classFamilies[name])
        t.refuse(
          key,
          `is not a feature class Consilium has (known: ${Object.keys(classFamilies).join(', ')})`,
        );
      else if (features !== null && !(Array.isArray(features) && features.length === 0))
        t.refuse(
          key,
          'lists PyRadiomics features by name; Consilium computes whole IBSI families: leave the class empty',
        );
      else classes.push(name);
    }
  t.file.families = classes.flatMap((c) => classFamilies[c] ?? []);
}

/** The PyRadiomics file as a Consilium settings file, or the keys that do not map. */
export function pyRadiomicsSettings(data: Obj): {
  file: SettingsFile;
  problems: SettingsProblem[];
} {
  const t = new Translation();
  for (const k of Object.keys(data))
    if (!sections.includes(k))
      t.refuse(k, `is not a PyRadiomics section (known: ${sections.join(', ')})`, 'unknown-key');
  const setting = data.setting ?? {};
  if (!isObj(setting))
    t.refuse('setting', `must be a map of settings (got ${shown(setting)})`, 'wrong-type');
  else settingKeys(t, setting);
  imageTypes(t, data.imageType);
  featureClasses(t, data.featureClass);
  if (data.voxelSetting !== undefined && data.voxelSetting !== null)
    t.refuse('voxelSetting', 'voxel-based feature maps are not available; features are per ROI');
  return { file: t.file, problems: t.problems };
}

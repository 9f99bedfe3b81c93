import { describe, expect, it } from 'vitest';
import { readSettings } from './readSettings.ts';

function refusals(text: string): string[] {
  const r = readSettings(text, 'Params.yaml');
  if (r.ok) throw new Error('expected a refusal');
  return r.error.reason.split('\n').slice(1);
}

describe('PyRadiomics parameter files', () => {
  it('reads the keys that mean what an IBSI setting means', () => {
    const r = readSettings(
      `# A CT study's parameters, PyRadiomics style
imageType:
  Original: {}

featureClass:
  shape:
  firstorder:
  glcm:
  glrlm: []
  glszm:
  gldm:
  ngtdm:

setting:
  binCount: 32
  label: 2
  resegmentRange: [-1000, 400]
  resegmentMode: absolute
  interpolator: 'sitkBSpline'
  force2D: true
  force2Ddimension: 0
  distances: [1]
  normalize: false
  symmetricalGLCM: true
  weightingNorm:
  gldm_a: 1
  voxelArrayShift: 0
  additionalInfo: true
  preCrop: true
`,
      'Params.yaml',
    );
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.from).toBe('pyradiomics');
    expect(r.value.settings).toEqual({
      params: {
        discretisation: { kind: 'bin-count', binCount: 32 },
        resegment: [-1000, 400],
        aggregation: '2.5d-direction-merged',
        distance: 1,
        ngldmAlpha: 1,
      },
      families: [
        'morphology',
        'intensity-statistics',
        'intensity-histogram',
        'glcm',
        'glrlm',
        'glszm',
        'ngldm',
        'ngtdm',
      ],
      structures: ['2'],
    });
  });

  it('reads binWidth when its bins start at the lower re-segmentation bound, and sigma mode as outliers', () => {
    const fbs = readSettings(
      'setting:\n  binWidth: 25\n  binMinimum: -1000\n  resegmentRange: [-1000]\n',
    );
    expect(fbs.ok && fbs.value.settings.params).toMatchObject({
      discretisation: { kind: 'bin-width', binWidth: 25 },
      resegment: [-1000, null],
      aggregation: '3d-avg',
    });
    const sigma = readSettings(
      'setting:\n  binCount: 16\n  resegmentRange: [-3, 3]\n  resegmentMode: sigma\n',
    );
    expect(sigma.ok && sigma.value.settings.params.outliers).toBe(3);
    // No featureClass: every class PyRadiomics computes by default, as IBSI families.
    expect(sigma.ok && sigma.value.settings.families).toHaveLength(8);
  });

  it("refuses each key of PyRadiomics' CT example that does not map, saying why", () => {
    const lines = refusals(`
setting:
  binWidth: 25
  label: 1
  interpolator: 'sitkBSpline'
  resampledPixelSpacing: [1, 1, 1]
  weightingNorm:
  voxelArrayShift: 1000

imageType:
  Original: {}
  LoG:
    sigma: [1.0, 2.0, 3.0, 4.0, 5.0]
  Wavelet: {}

featureClass:
  shape:
  firstorder:
  glcm:
    - 'Autocorrelation'
    - 'JointAverage'
  glrlm:
  glszm:
  gldm:
`);
    expect(lines.map((l) => l.split(':')[0].trim())).toEqual([
      'setting.binWidth',
      'setting.resampledPixelSpacing',
      'setting.voxelArrayShift',
      'imageType.LoG',
      'imageType.Wavelet',
      'featureClass.glcm',
    ]);
    expect(lines[0]).toMatch(/multiple of binWidth at or below the ROI minimum.*\[not-mapped\]$/);
    expect(lines[1]).toMatch(/corner of the ROI bounding box.*IBSI centres/);
    expect(lines[3]).toMatch(/image filters are not available yet/);
    expect(lines[5]).toMatch(/whole IBSI families/);
  });

  it('refuses normalisation, other distances, relative re-segmentation and unknown keys', () => {
    const lines = refusals(`
setting:
  binCount: 8
  normalize: true
  normalizeScale: 100
  distances: [1, 2]
  resegmentRange: [0.5]
  resegmentMode: relative
  resegmentShape: true
  frobnicate: 1
voxelSetting:
  kernelRadius: 2
extra: 1
`);
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}extra: is not a PyRadiomics section.*\[unknown-key\]$/),
      expect.stringMatching(/^ {2}setting\.resegmentMode: relative re-segmentation .*no IBSI/),
      expect.stringMatching(/^ {2}setting\.normalize: true is not read: .*mean 0 and SD 1/),
      expect.stringMatching(/^ {2}setting\.distances: \[1,2\] is not read: .*at \[1\] only/),
      expect.stringMatching(/^ {2}setting\.resegmentShape: true is not read/),
      expect.stringMatching(/^ {2}setting\.frobnicate: .*\[unknown-key\]$/),
      expect.stringMatching(/^ {2}voxelSetting: voxel-based feature maps/),
    ]);
  });
});

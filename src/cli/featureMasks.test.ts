// `consilium features --mask` with an RTSTRUCT, a SEG and NIfTI files (the committed fixtures
// of src/core/masks, made by pydicom and nibabel): one record per structure, one error record
// per structure that cannot be placed, and NIfTI images read like DICOM series.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseFeaturesArgs } from './featuresArgs.ts';

const dir = 'src/core/masks/fixtures';

interface Line {
  ok: boolean;
  value?: {
    roi: { kind: string; structure?: string; voxels?: number };
    roiVoxels: number;
    features: { name: string; value: number }[];
  };
  error?: { code: string; params: Record<string, unknown> };
}

function features(...args: string[]): { status: number | null; lines: Line[] } {
  const run = spawnSync(
    'node',
    ['bin/consilium.mjs', 'features', ...args, '--json', '--jobs', '1', '--aggregation', '2d-avg'],
    { encoding: 'utf8' },
  );
  const lines = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
  return { status: run.status, lines };
}

describe('consilium features --mask', () => {
  it('computes every RTSTRUCT structure as its own record; bad ones are error records', () => {
    const { status, lines } = features(`${dir}/ct`, '--mask', `${dir}/rtstruct.dcm`);
    expect(status).toBe(1);
    const done = lines.filter((l) => l.ok).map((l) => [l.value?.roi.structure, l.value?.roiVoxels]);
    expect(done).toEqual([
      ['Ring', 1151],
      ['Blobs', 204],
      ['Partial', 63],
    ]);
    expect(lines.filter((l) => !l.ok).map((l) => l.error?.code)).toEqual([
      'contour-off-slices',
      'contour-outside-image',
      'no-closed-contours',
    ]);
    const failed = lines.find((l) => !l.ok);
    expect(failed?.error?.params).toMatchObject({
      structure: 'OffSlices',
      file: `${dir}/ct/slice1.dcm`,
      mask: `${dir}/rtstruct.dcm`,
    });
  }, 60_000);

  it('--structure picks one structure of a SEG, and a NIfTI label map on a NIfTI image gives the same features as on the DICOM series', () => {
    const seg = features(`${dir}/ct`, '--mask', `${dir}/seg_binary.dcm`, '--structure', 'Box');
    expect(seg.status).toBe(0);
    expect(seg.lines.map((l) => l.value?.roi)).toEqual([
      { kind: 'seg', file: `${dir}/seg_binary.dcm`, structure: 'Box', number: 2, voxels: 176 },
    ]);
    const onDicom = features(`${dir}/ct`, '--mask', `${dir}/labels.nii.gz`, '--structure', '2');
    const onNifti = features(
      `${dir}/image.nii.gz`,
      '--mask',
      `${dir}/labels_flipped.nii`,
      '--structure',
      '2',
    );
    expect(onNifti.status).toBe(0);
    expect(onNifti.lines).toHaveLength(1);
    // NIfTI keeps spacing as float32 (0.7 mm is 0.69999999 there): sizes differ in the 7th digit.
    const a = onNifti.lines[0].value?.features ?? [];
    const b = onDicom.lines[0].value?.features ?? [];
    expect(a.map((f) => f.name)).toEqual(b.map((f) => f.name));
    for (let i = 0; i < a.length; i++)
      expect(Math.abs(a[i].value - b[i].value), a[i].name).toBeLessThanOrEqual(
        1e-5 * Math.max(1, Math.abs(b[i].value)),
      );
    expect(onNifti.lines[0].value?.roiVoxels).toBe(349);
  }, 60_000);

  it('--structure needs --mask, and may be repeated', () => {
    expect(() => parseFeaturesArgs(['ct', '--structure', 'GTV'])).toThrow(/give --mask/);
    const a = parseFeaturesArgs([
      'ct',
      '--mask',
      'rs.dcm',
      '--structure',
      'GTV',
      '--structure',
      'CTV',
    ]);
    expect(a.structures).toEqual(['GTV', 'CTV']);
    expect(a.maskPaths).toEqual(['rs.dcm']);
  });
});

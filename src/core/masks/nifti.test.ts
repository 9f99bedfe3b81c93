// NIfTI label maps and images against the values nibabel wrote: labels as structures on the CT
// grid (also when the file stores rows and slices reversed), and the CT itself read from NIfTI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readNifti } from './nifti.ts';
import { niftiSlices } from './niftiImage.ts';
import { niftiGrid } from './niftiMask.ts';
import { readMaskFile } from './readMaskFile.ts';
import { roiMasks } from './roiMasks.ts';
import { fixtureCt, unpackBits, type Expected } from './testing/fixtures.ts';

const dir = join(import.meta.dirname, 'fixtures');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
const voxels = expected.dims[0] * expected.dims[1] * expected.dims[2];

describe('NIfTI masks', () => {
  it.each(['labels.nii.gz', 'labels_flipped.nii'])(
    '%s: each label value is a structure, bit for bit on the CT grid',
    async (name) => {
      const { grid } = await fixtureCt(read);
      const labels = readNifti(read(name), name);
      const results = await roiMasks(labels, grid);
      expect(results.map((r) => r.ok && r.value.name)).toEqual(['1', '2', '3']);
      for (const want of expected.nifti) {
        const got = results.find((r) => r.ok && r.value.name === want.name);
        if (!got?.ok) throw new Error(`no label ${want.name}`);
        const reference = unpackBits(Buffer.from(want.bits, 'base64'), voxels);
        expect(got.value.voxels).toBe(want.voxels);
        expect(got.value.mask).toEqual(reference);
      }
    },
  );

  it('reads the CT stored as NIfTI (unsigned with an intercept) as the same image and grid', async () => {
    const ct = await fixtureCt(read);
    const image = readNifti(read('image.nii.gz'), 'image.nii.gz');
    expect(image.dims).toEqual(expected.dims);
    expect(Array.from(image.values.subarray(0, 8))).toEqual(expected.ctFirstVoxels);
    for (let k = 0; k < ct.frames.length; k++)
      expect(image.values.subarray(k * 870, (k + 1) * 870)).toEqual(ct.frames[k].values);
    const grid = niftiGrid(image);
    if (typeof grid.geometry === 'string' || typeof ct.grid.geometry === 'string')
      throw new Error('no geometry');
    expect(grid.geometry.spacingMm[0]).toBeCloseTo(0.7, 5);
    expect(grid.geometry.spacingMm[1]).toBeCloseTo(0.8, 5);
    expect(grid.geometry.origins[3][2]).toBeCloseTo(ct.grid.geometry.origins[3][2], 4);
    const slices = niftiSlices(image);
    expect(slices.metas[0].pixelSpacingMm?.map((v) => Number(v.toFixed(5)))).toEqual([0.8, 0.7]);
    // The label map on the NIfTI image's own grid gives the same masks.
    const labels = readNifti(read('labels.nii.gz'), 'labels.nii.gz');
    const onNifti = await roiMasks(labels, grid);
    const onDicom = await roiMasks(labels, ct.grid);
    expect(onNifti.map((r) => r.ok && r.value.voxels)).toEqual(
      onDicom.map((r) => r.ok && r.value.voxels),
    );
  });

  it('tells a NIfTI file from a DICOM mask by its bytes', () => {
    expect(readMaskFile(read('labels.nii.gz'), 'x.bin')?.kind).toBe('nifti');
    expect(readMaskFile(read('rtstruct.dcm'), 'rs')?.kind).toBe('rtstruct');
    expect(readMaskFile(read('seg_binary.dcm'), 'seg')?.kind).toBe('seg');
    expect(readMaskFile(read('ct/slice1.dcm'), 'ct')).toBeNull();
  });

  it('a label map on another grid is one clear error', async () => {
    const { grid } = await fixtureCt(read);
    const labels = readNifti(read('labels.nii.gz'), 'labels.nii.gz');
    const shifted = {
      ...labels,
      affineLps: labels.affineLps.map((row) => [...row]),
    } as typeof labels;
    shifted.affineLps[0][3] += 0.3; // a third of a voxel
    const [r] = await roiMasks(shifted, grid, { structures: ['1'] });
    expect(!r.ok && r.error.code).toBe('mask-grid-mismatch');
  });

  it('refuses a truncated file, a 4D file, and a header past the voxel limit before inflating', () => {
    const bytes = read('labels_flipped.nii');
    expect(() => readNifti(bytes.subarray(0, 2000), 'cut.nii')).toThrow(/truncated/);
    const fourD = bytes.slice();
    new DataView(fourD.buffer).setInt16(40, 4, true); // dim[0] = 4
    new DataView(fourD.buffer).setInt16(48, 3, true); // dim[4] = 3 volumes
    expect(() => readNifti(fourD, '4d.nii')).toThrow(/3 volumes/);
    // A header asking for 1024 x 1024 x 257 voxels (past the 2^28 limit): refused at once.
    const big = bytes.slice(0, 352);
    const view = new DataView(big.buffer);
    view.setInt16(40, 3, true);
    view.setInt16(42, 1024, true);
    view.setInt16(44, 1024, true);
    view.setInt16(46, 257, true);
    const started = performance.now();
    expect(() => readNifti(gzipSync(big), 'big.nii.gz')).toThrow(/limit/);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

// An RTSTRUCT and a SEG loaded with their CT in Chromium (the committed fixtures made by pydicom,
// tools/masks/make_mask_fixtures.py): their structures are listed under the CT series, and a
// structure chosen as the Analysis tab's ROI gives the core's features for the same voxels.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { computeFeatures } from '../src/core/analysis/computeFeatures.ts';
import { defaultParams } from '../src/core/analysis/params.ts';
import { defaultFamilies } from '../src/core/analysis/registry.ts';
import { readFileSync } from 'node:fs';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { orderInstances } from '../src/core/dicom/studyIndex.ts';
import { gridFromMetas } from '../src/core/masks/grid.ts';
import { roiMasks } from '../src/core/masks/roiMasks.ts';
import { parseRtStruct } from '../src/core/masks/rtstruct.ts';
import { expect, expectFeatureTable, test } from './fixtures.ts';

const dir = join(import.meta.dirname, '..', 'src', 'core', 'masks', 'fixtures');
const ctFiles = readdirSync(join(dir, 'ct')).map((f) => join(dir, 'ct', f));

/** The Ring structure's features in Node over the slices it covers, as the workbench crops. */
async function ringInNode() {
  const loaded = ctFiles.map((f) => {
    const bytes = new Uint8Array(readFileSync(f));
    const parsed = parseInstance(bytes, f);
    if (!parsed.ok) throw new Error(parsed.error.reason);
    return { bytes, meta: parsed.meta };
  });
  const metas = orderInstances(loaded.map((l) => l.meta));
  const frames = await Promise.all(
    metas.map((m) => decodeFrame(loaded.find((l) => l.meta === m)!.bytes, m, 0)),
  );
  const [nx, ny] = [frames[0].columns, frames[0].rows];
  const grid = gridFromMetas(metas, nx, ny);
  const set = parseRtStruct(new Uint8Array(readFileSync(join(dir, 'rtstruct.dcm'))), 'rs');
  const [ring] = await roiMasks(set, grid, { structures: ['Ring'] });
  if (!ring.ok) throw new Error(ring.error.reason);
  const plane = nx * ny;
  const slices = [2, 3, 4, 5]; // the Ring's slices: the job spans its first to its last
  const values = new Float32Array(plane * slices.length);
  slices.forEach((k, z) => values.set(frames[k].values, z * plane));
  const mask = ring.value.mask.slice(2 * plane, 6 * plane);
  const [rowMm, colMm] = metas[0].pixelSpacingMm!;
  return computeFeatures(
    { values, mask, dims: [nx, ny, slices.length], spacingMm: [colMm, rowMm, 2.5] },
    defaultParams,
    defaultFamilies,
  );
}

test('RTSTRUCT and SEG structures are listed under their CT and analysed as its ROIs', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByTestId('open-files')
    .setInputFiles([...ctFiles, join(dir, 'rtstruct.dcm'), join(dir, 'seg_binary.dcm')]);
  const structures = page.getByRole('list', { name: 'Structures' }).first();
  await expect(structures).toContainText('RTSTRUCT Ring');
  await expect(structures).toContainText('SEG Sphere');
  // The RTSTRUCT has no image: it is a mask, not a file that failed to load.
  await expect(page.getByRole('region', { name: 'Files not loaded' })).toHaveCount(0);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|/);

  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('radio', { name: 'Current series' }).check();
  const roiMenu = page.getByRole('combobox', { name: 'ROI to analyse' });
  await roiMenu.selectOption({ label: 'Ring (RTSTRUCT)' });
  await expect(roiMenu).toHaveValue(/^roi-/);
  await expect(page.getByRole('list', { name: 'ROIs' })).toContainText('Ring (RTSTRUCT)');

  await page.getByRole('button', { name: 'Run analysis' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  const expected = await ringInNode();
  expect(expected.roiVoxels).toBe(1151);
  await expect(page.getByTestId('roi-voxels')).toHaveText('1151 voxels');
  await expectFeatureTable(page, expected.features);

  // A SEG segment on the same series: 716 voxels, as pydicom's mask has.
  await roiMenu.selectOption({ label: 'Sphere (SEG)' });
  await expect(roiMenu).toHaveValue(/^roi-/);
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await expect(page.getByTestId('roi-voxels')).toHaveText('716 voxels');
});

/** Overlay pixels in a structure colour (the Ring is red: the first structure shown). */
async function redOverlayPixels(page: import('@playwright/test').Page): Promise<number> {
  return page.getByTestId('analysis-overlay-0').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i + 3] > 0 && data[i] > 150 && data[i + 1] < 120) n++;
    return n;
  });
}

test('each structure is switched on and off over its CT in its own colour', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles([...ctFiles, join(dir, 'rtstruct.dcm')]);
  const show = page.getByRole('checkbox', { name: 'Show RTSTRUCT Ring' });
  await expect(show).not.toBeChecked();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|/);
  // Placing the structure takes a worker round trip: the box ticks when it is shown.
  await show.click();
  await expect(show).toBeChecked();
  // The Ring covers slices 2 to 5: on slice 3 it is drawn, switched off it is not.
  await page.getByTestId('viewport-0').click();
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^3\|/);
  await expect.poll(() => redOverlayPixels(page)).toBeGreaterThan(0);
  await show.click();
  await expect(show).not.toBeChecked();
  await expect.poll(() => redOverlayPixels(page)).toBe(0);
});

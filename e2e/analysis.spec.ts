// The analysis workbench in Chromium: a ROI drawn by mouse, features equal to the core's in
// Node for the same pixels, the edge overlay on the body outline, and a cancelled series run.
import { computeFeatures } from '../src/core/analysis/computeFeatures.ts';
import { defaultParams } from '../src/core/analysis/params.ts';
import { defaultFamilies } from '../src/core/analysis/registry.ts';
import { rasteriseShape } from '../src/core/analysis/roi/rasterise.ts';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { expect, expectFeatureTable, test, writeDemoSeries } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** The panel starts from the core's defaults (families: defaultFamilies, as the store does). */
const params = defaultParams;

/** The first slice of the demo series (40 slices of 256²), decoded in Node. */
async function demoFirstSlice() {
  const file = demoSliceFile(newDemoContext({ slices: 40, size: 256 }), 0);
  const parsed = parseInstance(file.bytes, file.name);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return { meta: parsed.meta, frame: await decodeFrame(file.bytes, parsed.meta, 0) };
}

/** First x along the middle row of a canvas: an edge pixel (overlay) or body (image). */
async function firstInMiddleRow(page: Page, selector: string, what: 'edge' | 'body') {
  return page.locator(selector).evaluate((el, what) => {
    const c = el as HTMLCanvasElement;
    const row = c.getContext('2d')!.getImageData(0, Math.floor(c.height / 2), c.width, 1).data;
    for (let x = 0; x < c.width; x++) {
      const [r, g, b, a] = row.slice(x * 4, x * 4 + 4);
      // Edges are drawn green (#00ff66); ROI outlines are yellow or cyan.
      if (what === 'edge' ? a > 0 && g > 150 && r < 100 && b < 200 : r > 20) return x;
    }
    return -1;
  }, what);
}

test('a drawn ROI gives the core features, edges trace the body, a run over all series cancels', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Open demo study' }).click();
  const vp = page.getByTestId('viewport-0');
  await expect(vp).toHaveAttribute('data-rendered', '0|40|400|false');
  await page.getByRole('tab', { name: 'Analysis' }).click();

  // Draw a rectangle by mouse drag in the middle of the image.
  await page.getByRole('button', { name: 'Rectangle' }).click();
  const box = (await vp.locator('.viewport-image').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx - 40, cy - 30);
  await page.mouse.down();
  await page.mouse.move(cx + 10, cy, { steps: 4 });
  await page.mouse.move(cx + 40, cy + 30, { steps: 4 });
  await page.mouse.up();
  const shapeText = await page.getByTestId('roi-shape').textContent();
  const m = /Rectangle x (\d+) y (\d+), (\d+) × (\d+) px/.exec(shapeText ?? '');
  expect(m, `ROI shown as ${shapeText}`).not.toBeNull();
  const [x, y, width, height] = m!.slice(1).map(Number);
  // The image (256 px) fits the viewport's height, centred: the drag maps to these pixels.
  const scale = box.height / 256;
  expect(Math.abs(x - (128 - 40 / scale))).toBeLessThanOrEqual(1);
  expect(Math.abs(width - 80 / scale)).toBeLessThanOrEqual(1);
  expect(Math.abs(height - 60 / scale)).toBeLessThanOrEqual(1);

  // A second ROI, then a click inside the first selects it again; Delete removes the selected.
  await page.mouse.move(cx - 40, cy - 90);
  await page.mouse.down();
  await page.mouse.move(cx - 20, cy - 70, { steps: 3 });
  await page.mouse.up();
  const rois = page.getByRole('list', { name: 'ROIs' });
  await expect(rois.getByRole('radio', { name: /ROI 2/ })).toBeChecked();
  await page.keyboard.press('Delete');
  await expect(rois.getByRole('listitem')).toHaveCount(1);
  await page.mouse.click(cx, cy);
  await expect(rois.getByRole('radio', { name: /ROI 1/ })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'ROI to analyse' })).toHaveValue(/roi-/);

  await page.getByRole('button', { name: 'Run analysis' }).click();
  const status = page.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-status', 'done');

  const { meta, frame } = await demoFirstSlice();
  const [rowMm, colMm] = meta.pixelSpacingMm!;
  const mask = rasteriseShape({ kind: 'rectangle', x, y, width, height }, 256, 256);
  const expected = computeFeatures(
    { values: frame.values, mask, dims: [256, 256, 1], spacingMm: [colMm, rowMm, 2.5] },
    params,
    defaultFamilies,
  );
  await expect(page.getByTestId('roi-voxels')).toHaveText(`${expected.roiVoxels} voxels`);
  await expectFeatureTable(page, expected.features);

  // The same run again reuses the stored result.
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await expect(status).toHaveText('Done: 1 results (1 cached)');

  // Edge overlay: edge pixels start where the body starts on the image's middle row.
  await page.getByRole('button', { name: 'Rectangle' }).click(); // back to the viewer tools
  await page.getByRole('checkbox', { name: 'Show edges' }).check();
  const overlay = page.getByTestId('analysis-overlay-0');
  await expect(overlay).toHaveAttribute('data-painted', /\|edges$/);
  const edgeX = await firstInMiddleRow(page, '[data-testid=analysis-overlay-0]', 'edge');
  const bodyX = await firstInMiddleRow(
    page,
    '[data-testid=viewport-0] .viewport-image canvas',
    'body',
  );
  expect(bodyX).toBeGreaterThan(0);
  expect(Math.abs(edgeX - bodyX)).toBeLessThanOrEqual(Math.ceil(2 * scale));
  // Zoom out (right drag): the overlay is repainted with the image and still sits on the body.
  await page.mouse.move(cx, cy);
  await page.mouse.down({ button: 'right' });
  await page.mouse.move(cx, cy + 60, { steps: 4 });
  await page.mouse.up({ button: 'right' });
  await expect(vp.getByText(/^Zoom /)).not.toHaveText(`Zoom ${Math.round(scale * 100)}%`);
  const zoom = Number((await vp.getByText(/^Zoom /).textContent())!.match(/\d+/)![0]) / 100;
  await expect
    .poll(async () => {
      const edge = await firstInMiddleRow(page, '[data-testid=analysis-overlay-0]', 'edge');
      const body = await firstInMiddleRow(
        page,
        '[data-testid=viewport-0] .viewport-image canvas',
        'body',
      );
      return body > 0 && Math.abs(edge - body) <= Math.ceil(2 * zoom);
    })
    .toBe(true);
  expect(zoom).toBeLessThan(scale);

  // A new edge colour recolours the same mask: the overlay turns red and no Canny reruns.
  const masks = await overlay.getAttribute('data-edge-masks');
  await page.locator('input[type=color]').fill('#ff0000');
  await expect
    .poll(() =>
      overlay.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const row = c.getContext('2d')!.getImageData(0, c.height >> 1, c.width, 1).data;
        for (let x = 0; x < c.width; x++)
          if (row[x * 4 + 3] > 0 && row[x * 4] > 150 && row[x * 4 + 1] < 100) return true;
        return false;
      }),
    )
    .toBe(true);
  await expect(overlay).toHaveAttribute('data-edge-masks', masks!);

  // A whole-image run over all loaded series (the demo and 60 slices of 512²), with the slower
  // families, is long on any machine: cancel it partway; the viewer keeps scrolling meanwhile.
  await page.getByTestId('open-files').setInputFiles(writeDemoSeries(60, 512));
  await expect(page.getByText('100 files read')).toBeVisible();
  await page.getByRole('combobox', { name: 'ROI to analyse' }).selectOption('whole');
  await page.getByRole('radio', { name: 'All loaded series' }).check();
  // 2D, one result per slice: 100 jobs (not one per series), so the run makes progress before
  // it is cancelled.
  await page.getByLabel('Aggregation').selectOption('2d-avg');
  await page.getByRole('checkbox', { name: 'One result per slice' }).check();
  await page.getByRole('checkbox', { name: /^local-intensity/ }).check();
  await page.getByRole('checkbox', { name: /^morphology/ }).check();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const progress = page.getByRole('progressbar', { name: 'Analysis progress' });
  await expect
    .poll(async () => Number(await progress.getAttribute('data-done')))
    .toBeGreaterThan(0);
  await page.keyboard.press('End');
  await expect(vp.getByTestId('slice-label')).toHaveText('Im 40/40');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');
  const done = Number(await progress.getAttribute('data-done'));
  expect(done).toBeLessThan(100);
  await expect(status).toHaveText(`Cancelled after ${done} of 100`);
});

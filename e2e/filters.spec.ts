// IBSI 2 filters in the workbench (Chromium): a LoG response map of a loaded CT series drawn
// over the viewport, windowed and faded by its own controls, and the intensity statistics of
// the filtered image equal to what the CLI's path (core's filteredRoiFeatures) gives in Node
// for the same files.
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { defaultParams } from '../src/core/analysis/params.ts';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { filteredRoiFeatures } from '../src/core/filters/filteredFeatures.ts';
import { parseFilterSpec } from '../src/core/filters/spec.ts';
import { VolumeBuilder } from '../src/core/pipeline/seriesFeatures.ts';
import { expect, test, writeDemoSeries } from './fixtures.ts';

const files = writeDemoSeries(8, 64);
const spec = 'log:sigma=2,boundary=mirror';

/** What `consilium features <files> --filter log:sigma=2,boundary=mirror` computes, in Node. */
async function cliFeatures() {
  const parsed = files.map((path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const p = parseInstance(bytes, path);
    if (!p.ok) throw new Error(p.error.reason);
    return { bytes, meta: p.meta };
  });
  const builder = new VolumeBuilder(parsed.map((p) => p.meta));
  for (const [z, p] of parsed.entries()) builder.add(z, await decodeFrame(p.bytes, p.meta, 0));
  const volume = builder.volume();
  const mask = new Uint8Array(volume.values.length).fill(1);
  return filteredRoiFeatures({ ...volume, mask }, defaultParams, parseFilterSpec(spec), {
    modality: 'CT',
    families: ['intensity-statistics'],
  });
}

/** Painted pixels of the overlay canvas and how many distinct colours they have. */
function painted(overlay: Locator) {
  return overlay.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    const colours = new Set<number>();
    let sum = 0;
    for (let i = 0; i < d.length; i += 4)
      if (d[i + 3] > 0) {
        count++;
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        sum += d[i] + 3 * d[i + 1] + 7 * d[i + 2];
      }
    return { count, colours: colours.size, sum };
  });
}

test('a LoG response is overlaid on the series and its features equal the CLI path', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(files);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|/);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const section = page.getByRole('group', { name: 'Filters (IBSI 2)' });
  await section.getByRole('combobox', { name: 'Filter', exact: true }).selectOption('log');

  // Bad input: one clear error, and nothing can be started with it.
  await section.getByLabel('σ (mm)').fill('0');
  await expect(section.getByTestId('filter-form-problem')).toContainText('“sigma” cannot be “0”');
  await expect(section.getByRole('button', { name: 'Show response map' })).toBeDisabled();

  await section.getByLabel('σ (mm)').fill('2');
  await expect(section.getByTestId('filter-spec')).toHaveText(
    'log:sigma=2,truncate=4,boundary=mirror,dims=3',
  );
  const overlay = page.getByTestId('filter-overlay-0');
  expect((await painted(overlay)).count).toBe(0);
  await section.getByRole('button', { name: 'Show response map' }).click();
  await expect(overlay).toHaveAttribute('data-painted', /^0\|log:sigma=2,truncate=4/);
  const shown = await painted(overlay);
  expect(shown.count).toBeGreaterThan(1000);
  expect(shown.colours).toBeGreaterThan(20);

  // Its own window: a narrower one repaints the same slice in other colours.
  await section.getByLabel('Window from').fill('-5');
  await section.getByLabel('Window from').press('Enter');
  await section.getByRole('spinbutton', { name: 'to', exact: true }).fill('5');
  await section.getByRole('spinbutton', { name: 'to', exact: true }).press('Enter');
  await expect(overlay).toHaveAttribute('data-painted', /^0\|log:.*\|-5\|5\|/);
  const windowed = await painted(overlay);
  expect(windowed.count).toBe(shown.count);
  expect(windowed.sum).not.toBe(shown.sum);
  // It follows the viewer to the next slice.
  await page.getByTestId('viewport-0').click();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^1\|/);
  await expect(overlay).toHaveAttribute('data-painted', /^1\|log:/);
  expect((await painted(overlay)).count).toBe(shown.count);
  // Beside the image in a second viewport, kept on the image's slice as it scrolls.
  await section.getByRole('button', { name: 'Show beside the image (second viewport)' }).click();
  const beside = page.getByTestId('filter-overlay-1');
  await expect(beside).toHaveAttribute('data-painted', /^1\|log:/);
  await expect(overlay).toHaveAttribute('data-painted', '');
  await page.getByTestId('viewport-0').click();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('viewport-1')).toHaveAttribute('data-rendered', /^2\|/);
  await expect(beside).toHaveAttribute('data-painted', /^2\|log:/);
  await section.getByRole('button', { name: 'Show over the image' }).click();
  await expect(overlay).toHaveAttribute('data-painted', /^2\|log:/);
  // Hidden: nothing drawn over the image.
  await section.getByLabel('Show as overlay').uncheck();
  await expect(overlay).toHaveAttribute('data-painted', '');
  expect((await painted(overlay)).count).toBe(0);

  // Features of the whole image on the filtered image, as `features --filter` computes them.
  await section.getByRole('button', { name: 'Features on the filtered image' }).click();
  const rows = section.getByTestId('filtered-features').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const got = await rows.evaluateAll((trs) =>
    trs.map(
      (r) =>
        [
          r.getAttribute('data-code'),
          r.getAttribute('data-filter'),
          Number(r.getAttribute('data-value')),
        ] as const,
    ),
  );
  const want = (await cliFeatures()).features;
  expect(got.map(([code, filter]) => [code, filter])).toEqual(
    want.map((f) => [f.ibsiCode, f.filter]),
  );
  for (const [k, f] of want.entries()) {
    const scale = Math.max(1, Math.abs(f.value));
    expect(Math.abs(got[k][2] - f.value) / scale, `${f.ibsiCode}`).toBeLessThan(1e-9);
  }
  // …and they are in the results list under the ROI and the filter, beside any unfiltered one.
  await expect(
    page.getByRole('combobox', { name: 'Result', exact: true }).locator('option', {
      hasText: 'Whole image [log:sigma=2,truncate=4,boundary=mirror,dims=3]',
    }),
  ).toHaveCount(1);
});

test('a long filter is cancelled and the next one runs', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Open demo study' }).click();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|/);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const section = page.getByRole('group', { name: 'Filters (IBSI 2)' });
  const filter = section.getByRole('combobox', { name: 'Filter', exact: true });
  // Gabor over the three orthogonal planes, every 10°: seconds of work on 40 slices of 256².
  await filter.selectOption('gabor');
  await section.getByRole('combobox', { name: 'Planes' }).selectOption('orthogonal');
  await section.getByLabel('Rotation invariant').check();
  await section.getByLabel('θ step (°)').fill('10');
  await section.getByRole('button', { name: 'Show response map' }).click();
  await expect(section.getByTestId('filter-progress')).toBeVisible();
  await section.getByRole('button', { name: 'Cancel' }).click();
  await expect(section.getByTestId('filter-status')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('filter-overlay-0')).toHaveAttribute('data-painted', '');

  await filter.selectOption('mean');
  await section.getByLabel('Rotation invariant').uncheck();
  await section.getByRole('button', { name: 'Show response map' }).click();
  await expect(section.getByTestId('filter-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('filter-overlay-0')).toHaveAttribute(
    'data-painted',
    /^0\|mean:support=5/,
  );
});

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { jpegWithGarbagePixels } from './badPixels.ts';
import { expect, test, writeDemoSeries } from './fixtures.ts';

test('malformed files get one error line each while the good files still load', async ({
  page,
}) => {
  const good = writeDemoSeries(5, 64);
  const dir = dirname(good[0]);
  // A Part 10 preamble and "DICM", then a header cut off in the middle of an element.
  const truncated = new Uint8Array(150);
  truncated.set([0x44, 0x49, 0x43, 0x4d], 128);
  truncated.set([0x02, 0x00, 0x10, 0x00, 0x55, 0x49, 0x40, 0x00, 0x31, 0x2e], 132);
  writeFileSync(join(dir, 'broken.dcm'), truncated);
  writeFileSync(join(dir, 'notes.txt'), 'Scanned on Tuesday; see the report.\n');

  await page.goto('/');
  await page
    .getByTestId('open-files')
    .setInputFiles([...good, join(dir, 'broken.dcm'), join(dir, 'notes.txt')]);

  const errors = page.getByRole('region', { name: 'Files not loaded' });
  await expect(errors.getByRole('listitem')).toHaveCount(2);
  await expect(errors).toContainText('broken.dcm');
  await expect(errors).toContainText('notes.txt');
  await expect(errors).toContainText('2 files not loaded');
  await expect(page.getByRole('button', { name: /Axial .* 5 images/ })).toBeVisible();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|40\|400/);
});

test('an image that cannot be decoded says why in its viewport; other series still show', async ({
  page,
}) => {
  const good = writeDemoSeries(3, 64);
  const bad = join(dirname(good[0]), 'damaged-jpeg.dcm');
  writeFileSync(bad, jpegWithGarbagePixels());

  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles([...good, bad]);
  await page.getByRole('button', { name: /Damaged JPEG.*1 images/ }).click();
  const vp = page.getByTestId('viewport-0');
  await expect(vp.getByRole('alert')).toContainText(/could not be decoded|JPEG/);
  await page.getByRole('button', { name: /Axial .* 3 images/ }).click();
  await expect(vp).toHaveAttribute('data-rendered', /^0\|40\|400/);
  await expect(vp.getByRole('alert')).toHaveCount(0);
});

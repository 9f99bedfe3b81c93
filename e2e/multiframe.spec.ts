import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoMultiFrameFile } from '../src/core/dicom/demo/demoMultiFrame.ts';
import { newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { canvasGrid, expect, meanAbsDiff, test, writeDemoSeries } from './fixtures.ts';

test('every frame of a multi-frame file is a stack position to scroll to', async ({ page }) => {
  const dir = dirname(writeDemoSeries(1, 16)[0]);
  const file = demoMultiFrameFile(newDemoContext({ slices: 12, size: 96 }));
  const path = join(dir, file.name);
  writeFileSync(path, file.bytes);

  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(path);
  await expect(
    page.getByRole('button', { name: /Multi-frame phantom .* 12 images/ }),
  ).toBeVisible();
  const vp = page.getByTestId('viewport-0');
  await expect(vp).toHaveAttribute('data-rendered', '0|40|400|false');
  await expect(vp.getByTestId('slice-label')).toHaveText('Im 1/12 (frame 1)');
  const first = await canvasGrid(page, 0);

  await page.keyboard.press('End');
  await expect(vp).toHaveAttribute('data-rendered', '11|40|400|false');
  await expect(vp.getByTestId('slice-label')).toHaveText('Im 12/12 (frame 12)');
  // Frame 12 is the lung level, frame 1 the liver level: different images.
  expect(meanAbsDiff(first, await canvasGrid(page, 0))).toBeGreaterThan(5);
});

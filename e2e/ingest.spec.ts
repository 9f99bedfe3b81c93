import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { expect, test, writeDemoSeries } from './fixtures.ts';

test('a .zip archive loads its DICOM members and lists the member that is not DICOM', async ({
  page,
}) => {
  const files = writeDemoSeries(6, 64);
  const members: Record<string, Uint8Array> = {
    'study/readme.txt': new TextEncoder().encode('hi'),
  };
  for (const f of files) members[`study/ct/${basename(f)}`] = readFileSync(f);
  const zipPath = join(dirname(files[0]), 'cases.zip');
  writeFileSync(zipPath, zipSync(members));

  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(zipPath);
  await expect(page.getByRole('button', { name: /Axial .* 6 images/ })).toBeVisible();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|40\|400/);
  const errors = page.getByRole('region', { name: 'Files not loaded' });
  await expect(errors.getByRole('listitem')).toHaveCount(1);
  await expect(errors).toContainText('cases.zip/study/readme.txt');
});

test('a picked folder loads every file below it', async ({ page }) => {
  const files = writeDemoSeries(7, 64);
  await page.goto('/');
  await page.getByTestId('open-folder').setInputFiles(dirname(files[0]));
  await expect(page.getByRole('button', { name: /Axial .* 7 images/ })).toBeVisible();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|40\|400/);
});

test('files dropped on the page load', async ({ page }) => {
  const files = writeDemoSeries(4, 64);
  await page.goto('/');
  const payload = files.map((f) => ({ name: basename(f), bytes: [...readFileSync(f)] }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const it of items) dt.items.add(new File([new Uint8Array(it.bytes)], it.name));
    return dt;
  }, payload);
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByRole('button', { name: /Axial .* 4 images/ })).toBeVisible();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|40\|400/);
});

test('1,000 files load with a progress count and without freezing the page', async ({ page }) => {
  const files = writeDemoSeries(1000, 16);
  await page.goto('/');
  // Record main-thread tasks longer than 50 ms while the files are read.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByTestId('open-files').setInputFiles(files);
  await expect(page.getByTestId('load-progress')).toHaveAttribute('data-done', '1000');
  await expect(page.getByText('1000 files read')).toBeVisible();
  await expect(page.getByRole('button', { name: /Axial .* 1000 images/ })).toBeVisible();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|40\|400/);
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  console.log(
    `long tasks during 1,000-file load (ms): ${JSON.stringify(longTasks.map(Math.round))}`,
  );
  expect(Math.max(0, ...longTasks)).toBeLessThan(1000);
});

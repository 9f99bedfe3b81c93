// Frames that keep a WASM codec busy: the fuzz findings that kept CharLS (~34 s) and OpenJPH
// (minutes) decoding are refused by their markers at once, with the reason in the viewport;
// and a decode that runs past its time budget (shortened here by ?decodeBudgetMs) is abandoned
// with a clear message while the page stays responsive.
import { join } from 'node:path';
import { expect, test, writeDemoSeries } from './fixtures.ts';

const regressions = join(import.meta.dirname, '../tools/fuzz/regressions/dicom');

const findings = {
  'jpegls-rgb-scan-hangs-charls.dcm': 'JPEG-LS codestream is damaged: the scan data',
  'htj2k-garbage-after-siz-hangs-openjph.dcm': 'sub-samples component 0 by 24 × 121',
};

for (const [file, reason] of Object.entries(findings)) {
  test(`${file} is refused by its markers at once, in words`, async ({ page }) => {
    await page.goto('/');
    const started = Date.now();
    await page.getByTestId('open-files').setInputFiles([join(regressions, file)]);
    const error = page.getByTestId('viewport-0').locator('.viewport-error');
    await expect(error).toContainText(reason, { timeout: 15_000 });
    test
      .info()
      .annotations.push({ type: 'ms to the message', description: String(Date.now() - started) });
  });
}

test('a decode past its time budget is abandoned with a message, and the page still answers', async ({
  page,
}) => {
  await page.goto('/?decodeBudgetMs=1');
  await page.getByTestId('open-files').setInputFiles(writeDemoSeries(3, 64));
  const error = page.getByTestId('viewport-0').locator('.viewport-error');
  await expect(error).toContainText('decoding frame 1 took longer than 0.001 s and was stopped');
  // The page is not frozen: the series button still answers a click.
  await page.getByRole('button', { name: /Axial .* 3 images/ }).click();
  await expect(error).toBeVisible();
});

test('the same message in Chinese', async ({ page }) => {
  await page.goto('/?decodeBudgetMs=1&lang=zh-CN');
  await page.getByTestId('open-files').setInputFiles(writeDemoSeries(2, 64));
  const error = page.getByTestId('viewport-0').locator('.viewport-error');
  await expect(error).toContainText('解码第 1 帧超过 0.001 秒，已停止');
});

// The default classifier in the browser: WASM and WebGPU (Chromium's software adapter via
// --enable-unsafe-webgpu) both give PyTorch's probabilities for the model's reference inputs.
import { expect, test } from './fixtures.ts';
import { writeReferenceCr } from './inferenceImage.ts';

async function deviationFromPyTorch(page: import('@playwright/test').Page): Promise<number> {
  const out = page.getByTestId('reference-deviation');
  await page.getByRole('button', { name: 'Check against PyTorch' }).click();
  await expect(out).toContainText('largest difference from PyTorch:');
  const text = (await out.textContent()) ?? '';
  return Number(text.replace('largest difference from PyTorch:', '').trim());
}

for (const [choice, shown] of [
  ['wasm', /^WASM \(\d+ threads?\)$/],
  ['webgpu', /^WebGPU$/],
] as const) {
  test(`${choice}: probabilities equal PyTorch's to 1e-4`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('tab', { name: 'Predictions' }).click();
    await page.getByRole('combobox', { name: 'Execution provider' }).selectOption(choice);
    await expect(page.getByTestId('execution-provider')).toHaveText(shown);
    const deviation = await deviationFromPyTorch(page);
    expect(deviation).toBeGreaterThanOrEqual(0);
    expect(deviation).toBeLessThan(1e-4);
  });
}

test('WASM runs multi-threaded because the page is cross-origin isolated', async ({ page }) => {
  await page.goto('/');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  await page.getByRole('tab', { name: 'Predictions' }).click();
  await page.getByRole('combobox', { name: 'Execution provider' }).selectOption('wasm');
  await expect(page.getByTestId('execution-provider')).toHaveText(/^WASM \([2-9] threads\)$/);
});

test('the classifier refuses the CT demo study and says why', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Open demo study' }).click();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /.+/);
  await page.getByRole('tab', { name: 'Predictions' }).click();
  await page.getByRole('button', { name: 'Classify this image' }).click();
  await expect(page.getByRole('alert')).toContainText('not modality CT');
  // The model card is one click away and says what the model is not.
  await page.getByText(/^Model card: pneumonia-cnn/).click();
  await expect(page.locator('.model-card')).toContainText('Not a diagnostic device');
});

test('a CR chest image is classified as PyTorch did, with an occlusion map', async ({ page }) => {
  const cr = writeReferenceCr();
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles([cr.path]);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /.+/);
  await page.getByRole('tab', { name: 'Predictions' }).click();
  // WASM: Chromium's software WebGPU adapter takes minutes for the 169 occluded copies.
  await page.getByRole('combobox', { name: 'Execution provider' }).selectOption('wasm');
  await expect(page.getByTestId('execution-provider')).toHaveText(/^WASM/);
  await page.getByRole('button', { name: 'Classify this image' }).click();
  const value = page.locator('.predictions-list [data-label=pneumonia]');
  await expect(value).toHaveText(/^\d\.\d{4}$/);
  expect(Math.abs(Number(await value.textContent()) - cr.pneumonia)).toBeLessThan(1e-3);
  await page.getByRole('button', { name: 'Occlusion map' }).click();
  await expect(page.getByTestId('occlusion-map')).toBeVisible();
  await expect(page.locator('.predictions-saliency figcaption')).toContainText('Evidence for');
});

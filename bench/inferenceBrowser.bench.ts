// The default classifier in Chromium (built app, vite preview): median latency of one image as
// the inference worker measures it, on WASM with 1 and 2 threads and on WebGPU (here Chromium's
// software adapter, so that figure says nothing about a real GPU). Needs dist/ (built when
// missing) and Debian's Chromium.
import type { Page } from 'playwright-core';
import { previewApp } from './browser.ts';
import { report } from './report.ts';

const PORT = 4181;

async function measure(page: Page, origin: string, provider: 'wasm' | 'webgpu', threads?: number) {
  await page.goto(origin);
  await page.getByRole('tab', { name: 'Predictions' }).click();
  await page.getByRole('combobox', { name: 'Execution provider' }).selectOption(provider);
  if (threads) {
    await page.getByRole('combobox', { name: 'WASM threads' }).selectOption(String(threads));
  }
  const shown = page.getByTestId('execution-provider');
  await shown.waitFor();
  if (threads) await page.getByText(`WASM (${threads} thread`).waitFor({ timeout: 60_000 });
  const ep = (await shown.textContent()) ?? '';
  await page.getByRole('button', { name: 'Check against PyTorch' }).click();
  const latency = page.getByTestId('reference-latency');
  await latency.waitFor({ timeout: 120_000 });
  const ms = Number(await latency.getAttribute('data-ms'));
  const deviation = ((await page.getByTestId('reference-deviation').textContent()) ?? '').replace(
    'largest difference from PyTorch: ',
    '',
  );
  report({
    bench: 'inference-browser',
    model: 'pneumonia-cnn (28x28)',
    backend: `onnxruntime-web ${ep}`,
    batch: 1,
    median_ms_per_image: Number(ms.toFixed(3)),
    max_abs_diff_vs_pytorch: Number(deviation),
  });
}

export async function run(): Promise<void> {
  const app = await previewApp(PORT, { webgpu: true });
  const { browser } = app;
  try {
    for (const [provider, threads] of [
      ['wasm', 1],
      ['wasm', 2],
      ['webgpu', undefined],
    ] as const) {
      const page = await browser.newPage();
      await measure(page, app.origin, provider, threads);
      await page.close();
    }
  } finally {
    await app.close();
  }
}

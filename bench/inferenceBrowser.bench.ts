// The default classifier in Chromium (built app, vite preview): median latency of one image as
// the inference worker measures it, on WASM with 1 and 2 threads and on WebGPU (here Chromium's
// software adapter, so that figure says nothing about a real GPU). Needs dist/ (built when
// missing) and Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { report } from './report.ts';

const PORT = 4181;
const ORIGIN = `http://127.0.0.1:${PORT}/`;

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

async function measure(page: Page, provider: 'wasm' | 'webgpu', threads?: number) {
  await page.goto(ORIGIN);
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
  if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore' },
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-webgpu'],
  });
  try {
    await waitForServer(ORIGIN);
    for (const [provider, threads] of [
      ['wasm', 1],
      ['wasm', 2],
      ['webgpu', undefined],
    ] as const) {
      const page = await browser.newPage();
      await measure(page, provider, threads);
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

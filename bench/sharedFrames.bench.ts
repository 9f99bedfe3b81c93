// Pixels between threads in Chromium, on a 500-slice 512×512 CT (the demo phantom, ~260 MB):
// (1) decoding the stack into the frame cache (the preloader's 400 frames): time and the
// renderer's peak memory; (2) a whole-image analysis of the series, one job per slice
// (intensity statistics only, so moving pixels is a visible share of the work): pixel bytes
// structured-cloned into workers per analysed slice, time and peak memory. Cloned bytes are
// counted by wrapping Worker.postMessage: every typed array's buffer in a message that is
// neither transferred nor a SharedArrayBuffer. Peak memory is the renderer process's VmHWM
// (page and workers share it), reset through /proc/<pid>/clear_refs before each phase; Linux only.
// Needs Debian's Chromium; builds dist/ when it is missing.
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { previewApp } from './browser.ts';
import { writeDemoFiles } from './demoFiles.ts';
import { countClones, pixelsMoved } from './pixelTraffic.ts';
import { report } from './report.ts';
import { peakMb, rendererPids, resetPeaks } from './rendererMemory.ts';

const PORT = 4183;
const SLICES = 500;
const SIZE = 512;
const PRELOADED = 400; // the preloader's limit (app/services/preload.ts)

/** True once the overlay's middle row shows an edge pixel in red. */
async function edgesRed(page: Page): Promise<boolean> {
  return page.getByTestId('analysis-overlay-0').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const row = c.getContext('2d')!.getImageData(0, c.height >> 1, c.width, 1).data;
    for (let x = 0; x < c.width; x++)
      if (row[x * 4 + 3] > 0 && row[x * 4] > 150 && row[x * 4 + 1] < 100) return true;
    return false;
  });
}

async function analyseWholeSeries(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('combobox', { name: 'ROI to analyse' }).selectOption('whole');
  await page.getByRole('radio', { name: 'Current series' }).check();
  await page.getByLabel('Aggregation').selectOption('2d-avg');
  const families = page.getByRole('group', { name: 'Feature families' }).getByRole('checkbox');
  for (let i = 0; i < (await families.count()); i++) {
    const box = families.nth(i);
    const label = (await box.locator('xpath=..').textContent()) ?? '';
    if (label.startsWith('intensity-statistics') !== (await box.isChecked())) await box.click();
  }
}

export async function run(): Promise<void> {
  const { dir, files, bytes } = writeDemoFiles(SLICES, SIZE);
  const app = await previewApp(PORT);
  try {
    // The browser is this process's child; its renderers descend from it.
    const browserPid = process.pid;
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.addInitScript({ content: countClones });
    await page.goto(app.origin);
    const isolated = await page.evaluate(() => crossOriginIsolated);
    const common = { slices: SLICES, size: SIZE, mb: Math.round(bytes / 1e6), isolated };

    let pids = rendererPids(browserPid);
    resetPeaks(pids);
    const t0 = Date.now();
    await page.getByTestId('open-files').setInputFiles(files);
    await page.waitForSelector(`[data-testid=viewport-0][data-preloaded="${PRELOADED}"]`, {
      timeout: 300_000,
    });
    pids = rendererPids(browserPid);
    report({
      figure: 'decode_stack_into_cache',
      frames: PRELOADED,
      ms: Date.now() - t0,
      peak_renderer_mb: peakMb(pids),
      ...common,
    });

    await analyseWholeSeries(page);
    await pixelsMoved(page);
    resetPeaks(pids);
    const t1 = Date.now();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    const status = page.locator(
      '[data-testid=run-status]:is([data-status=done], [data-status=failed])',
    );
    await status.waitFor({ timeout: 600_000 });
    const ms = Date.now() - t1;
    const c = await pixelsMoved(page);
    report({
      figure: 'analyse_cached_series',
      status: await status.getAttribute('data-status'),
      jobs: SLICES,
      cached_frames: PRELOADED,
      ms,
      cloned_bytes_per_slice: Math.round(c.cloned / SLICES),
      peak_renderer_mb: peakMb(rendererPids(browserPid)),
      ...common,
    });

    // The edge overlay on the shown slice (cached), then a new colour for it.
    await page.getByRole('checkbox', { name: 'Show edges' }).check();
    const overlay = page.getByTestId('analysis-overlay-0');
    await overlay.and(page.locator('[data-painted$="|edges"]')).waitFor();
    const on = await pixelsMoved(page);
    const t2 = Date.now();
    await page.locator('input[type=color]').fill('#ff0000');
    while (!(await edgesRed(page))) await page.waitForTimeout(10);
    const recolour = { ms: Date.now() - t2, ...(await pixelsMoved(page)) };
    report({
      figure: 'edge_overlay',
      mask_cloned_bytes: on.cloned,
      mask_received_bytes: on.received,
      recolour_ms: recolour.ms,
      recolour_worker_messages: recolour.posted,
      recolour_cloned_bytes: recolour.cloned,
      ...common,
    });
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

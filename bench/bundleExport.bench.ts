// A 500-slice CT bundle export in Chromium: the series is loaded and its stack preloaded into
// the frame cache, then the Bundles tab computes whole-image features (default settings, one
// series) and exports the .zip. Figures: time to the features and to the download, the
// renderer's peak memory (VmHWM, page and workers together, reset before the export) and the
// pixel bytes structured-cloned into workers. Slices are 128² by default: whole-image features
// at the default settings peak near 170 bytes a voxel (921 MB for 20 slices of 512² in Node), so
// 500 slices of 512² would need about 22 GB; BENCH_EXPORT_SIZE=512 asks for them anyway.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewApp } from './browser.ts';
import { writeDemoFiles } from './demoFiles.ts';
import { countClones, pixelsMoved } from './pixelTraffic.ts';
import { report } from './report.ts';
import { peakMb, rendererPids } from './rendererMemory.ts';

const PORT = 4185;
const SLICES = 500;
const SIZE = Number(process.env.BENCH_EXPORT_SIZE ?? 128);
const PRELOADED = 400; // the preloader's limit (app/services/preload.ts)

export async function run(): Promise<void> {
  const { dir, files } = writeDemoFiles(SLICES, SIZE);
  const app = await previewApp(PORT);
  try {
    const page = await app.browser.newPage({ acceptDownloads: true });
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.addInitScript({ content: countClones });
    await page.goto(app.origin);
    await page.getByTestId('open-files').setInputFiles(files);
    await page.waitForSelector(`[data-testid=viewport-0][data-preloaded="${PRELOADED}"]`, {
      timeout: 300_000,
    });
    await page.getByRole('tab', { name: 'Bundles' }).click();
    await page.getByRole('button', { name: 'Export bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export bundle' });
    await dialog.getByLabel('Center name').fill('Bench');
    await dialog.getByLabel('Collaboration passphrase').fill('bench collaboration secret');

    const pids = rendererPids();
    for (const pid of pids) writeFileSync(`/proc/${pid}/clear_refs`, '5');
    await pixelsMoved(page); // counts from here on
    const t0 = Date.now();
    await dialog.getByRole('button', { name: 'Compute whole-image features' }).click();
    await dialog
      .locator('[data-testid=feature-count][data-count="1"]')
      .waitFor({ timeout: 1_200_000 });
    const featuresMs = Date.now() - t0;
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 600_000 }),
      dialog.getByRole('button', { name: 'Export .zip' }).click(),
    ]);
    const zipPath = join(dir, 'bundle.zip');
    await download.saveAs(zipPath);
    const exportMs = Date.now() - t0;
    report({
      figure: 'bundle_export_500_slices',
      slices: SLICES,
      size: SIZE,
      cached_frames: PRELOADED,
      features_ms: featuresMs,
      export_ms: exportMs,
      peak_renderer_mb: peakMb(rendererPids()),
      cloned_mb: Math.round((await pixelsMoved(page)).cloned / 1e6),
      zip_kb: Math.round(readFileSync(zipPath).length / 1024),
    });
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

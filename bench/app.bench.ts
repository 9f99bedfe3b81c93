// Drop-to-first-image in Chromium: a 200-slice 512×512 CT (the demo phantom, ~105 MB) is given
// to the built app's file input; we time, on the page's clock, from the input's change event
// to the first painted slice, to the whole series indexed, and per slice while scrolling. Needs `npm run build` (run here
// when dist/ is missing) and Debian's Chromium.
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { previewApp } from './browser.ts';
import { writeDemoFiles } from './demoFiles.ts';
import { report } from './report.ts';

const PORT = 4179;
const SLICES = 200;
const SIZE = 512;
const REPEATS = 3;

/** Arrow-down through 30 slices of the 512² series: key press to the next slice painted. */
async function scrollTimes(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const vp = document.querySelector('[data-testid=viewport-0]')!;
    const times: number[] = [];
    for (let k = 1; k <= 30; k++) {
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
      // No named inner functions: tsx would wrap them in a helper the page does not have.
      await new Promise<void>((resolve) => {
        if (vp.getAttribute('data-rendered')?.startsWith(`${k}|`)) return resolve();
        const mo = new MutationObserver(() => {
          if (!vp.getAttribute('data-rendered')?.startsWith(`${k}|`)) return;
          mo.disconnect();
          resolve();
        });
        mo.observe(vp, { attributes: true });
      });
      times.push(performance.now() - t0);
    }
    return times;
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<void> {
  const { dir, files, bytes } = writeDemoFiles(SLICES, SIZE);
  const app = await previewApp(PORT);
  const { browser } = app;
  try {
    const scroll: number[] = [];
    const first: number[] = [];
    const indexed: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('crash', () => process.stderr.write('page crashed\n'));
      page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
      await page.goto(app.origin);
      await page.evaluate(() => {
        const w = window as unknown as { t: Record<string, number> };
        w.t = {};
        document.addEventListener('change', () => (w.t.drop = performance.now()), true);
        new MutationObserver(() => {
          const vp = document.querySelector('[data-testid=viewport-0]');
          if (!w.t.first && vp?.getAttribute('data-rendered')) w.t.first = performance.now();
          const p = document.querySelector('[data-testid=load-progress]');
          if (!w.t.indexed && p && p.getAttribute('data-done') === p.getAttribute('data-total'))
            w.t.indexed = performance.now();
        }).observe(document.body, { subtree: true, attributes: true, childList: true });
      });
      await page.getByTestId('open-files').setInputFiles(files);
      await page.waitForFunction(
        () => {
          const t = (window as unknown as { t: Record<string, number> }).t;
          return t.first && t.indexed;
        },
        null,
        { timeout: 120_000 },
      );
      const t = await page.evaluate(() => (window as unknown as { t: Record<string, number> }).t);
      first.push(t.first - t.drop);
      indexed.push(t.indexed - t.drop);
      if (i === 0) {
        // Scrolling once the preloader has decoded the stack: what reading feels like.
        await page.waitForSelector(`[data-testid=viewport-0][data-preloaded="${SLICES}"]`, {
          timeout: 120_000,
        });
        scroll.push(...(await scrollTimes(page)));
      }
      await page.close();
    }
    const common = {
      slices: SLICES,
      size: SIZE,
      mb: Math.round(bytes / 1e6),
      browser: 'chromium',
      repeats: REPEATS,
    };
    report({
      figure: 'drop_to_first_image_ms',
      median_ms: Math.round(median(first)),
      min_ms: Math.round(Math.min(...first)),
      ...common,
    });
    report({
      figure: 'drop_to_series_indexed_ms',
      median_ms: Math.round(median(indexed)),
      min_ms: Math.round(Math.min(...indexed)),
      ...common,
    });
    report({
      figure: 'scroll_next_slice_ms',
      median_ms: Math.round(median(scroll)),
      max_ms: Math.round(Math.max(...scroll)),
      steps: scroll.length,
      ...common,
    });
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Shared e2e fixtures: every test fails if the page asks any host but its own for anything,
// or if the browser reports a Content-Security-Policy violation.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { formatValue } from '../src/app/analysis/formatValue.ts';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page }, use) => {
      const foreign: string[] = [];
      const violations: string[] = [];
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:')) {
          foreign.push(url);
        }
      });
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await use();
      expect(foreign, 'requests to other hosts').toEqual([]);
      expect(violations, 'CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Writes a demo CT series (slices × size²) into a fresh temp folder; returns the file paths. */
export function writeDemoSeries(slices: number, size: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-e2e-'));
  const ctx = newDemoContext({ slices, size });
  return Array.from({ length: slices }, (_, k) => {
    const f = demoSliceFile(ctx, k);
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
}

/** Grey values (red channel) of the first canvas in a viewport, on an n × n grid of points. */
export async function canvasGrid(page: Page, viewport: number, n = 16): Promise<number[]> {
  return page
    .locator(`[data-testid=viewport-${viewport}] .viewport-image canvas`)
    .evaluate((el, n) => {
      const canvas = el as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const out: number[] = [];
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++) {
          const x = Math.floor(((i + 0.5) / n) * canvas.width);
          const y = Math.floor(((j + 0.5) / n) * canvas.height);
          out.push(data[(y * canvas.width + x) * 4]);
        }
      return out;
    }, n);
}

/** Grey value at a point given as a fraction of the canvas size. */
export async function canvasAt(page: Page, viewport: number, fx: number, fy: number) {
  return page.locator(`[data-testid=viewport-${viewport}] .viewport-image canvas`).evaluate(
    (el, [fx, fy]) => {
      const c = el as HTMLCanvasElement;
      const x = Math.floor(fx * c.width);
      const y = Math.floor(fy * c.height);
      return c.getContext('2d')!.getImageData(x, y, 1, 1).data[0];
    },
    [fx, fy] as const,
  );
}

export function meanAbsDiff(a: number[], b: number[]): number {
  return a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / a.length;
}

/** The Analysis tab's feature table shows exactly these features (family/code → shown value). */
export async function expectFeatureTable(
  page: Page,
  features: readonly { family: string; ibsiCode: string; value: number }[],
): Promise<void> {
  const shown = await page
    .locator('.feature-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        `${r.getAttribute('data-family')}/${r.getAttribute('data-code')}`,
        r.querySelector('td.value')!.textContent,
      ]),
    );
  const want = features.map((f) => [`${f.family}/${f.ibsiCode}`, formatValue(f.value)]);
  expect(want.length).toBeGreaterThan(100);
  expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(want));
}

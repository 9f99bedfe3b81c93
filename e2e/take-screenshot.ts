// Takes docs/screenshot.png from the real app: the demo study in two viewports.
// Usage: npm run build && (npx vite preview --port 4173 &) && npx tsx e2e/take-screenshot.ts
import { chromium } from 'playwright-core';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
await page.goto('http://127.0.0.1:4173/');
await page.getByRole('main').getByRole('button', { name: 'Open demo study' }).click();
const left = page.getByTestId('viewport-0');
await left.locator('[data-rendered^="0|"]').or(left).first().waitFor();
await page.waitForSelector('[data-testid=viewport-0][data-rendered^="0|"]');
// Left: lung window at the lesion's level; right: abdomen window through the liver.
await page.keyboard.press('Home');
for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
await page.keyboard.press('6');
await page.waitForSelector('[data-testid=viewport-0][data-rendered="30|-600|1500|false"]');
await page.keyboard.press('2');
await page.getByTestId('viewport-1').click();
await page.getByRole('button', { name: /Axial/ }).click();
for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
await page.waitForSelector('[data-testid=viewport-1][data-rendered="8|40|400|false"]');
// The tag browser fills from the worker a moment later.
await page.waitForFunction(() => document.querySelectorAll('.tag-browser tr').length > 20);
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();

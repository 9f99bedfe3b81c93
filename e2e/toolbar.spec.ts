// The toolbar fits in one row at 1280 × 720 in both languages: every control's box lies on the
// first row (same vertical band) and inside the window, with the demo study open.
import { expect, test } from './fixtures.ts';

for (const lang of ['en', 'zh-CN']) {
  test(`toolbar is one row at 1280×720 (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/?lang=${lang}`);
    await page.getByRole('main').getByRole('button').first().click(); // the start page's demo
    await expect(page.locator('[data-testid=viewport-0] .viewport-image canvas')).toBeVisible();
    const boxes = await page.locator('header.toolbar > *').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.className || el.tagName, top: r.top, bottom: r.bottom, right: r.right };
      }),
    );
    await page.screenshot({ path: test.info().outputPath(`toolbar-${lang}.png`) });
    expect(boxes.length).toBeGreaterThan(6);
    const header = await page.locator('header.toolbar').boundingBox();
    expect(header!.height, 'toolbar height').toBeLessThan(48);
    for (const b of boxes) {
      expect(b.top, `${b.name} top`).toBeLessThan(boxes[0].bottom);
      expect(b.right, `${b.name} right`).toBeLessThanOrEqual(1280);
    }
  });
}

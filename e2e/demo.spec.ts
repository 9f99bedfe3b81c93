import { canvasAt, expect, test } from './fixtures.ts';

test('one click opens the demo study from the start page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Open demo study' }).click();
  const vp = page.getByTestId('viewport-0');
  await expect(vp).toHaveAttribute('data-rendered', '0|40|400|false');
  await expect(vp.getByTestId('slice-label')).toHaveText('Im 1/40');
  await expect(page.getByRole('navigation', { name: 'Studies' })).toContainText('Demo CT phantom');
  expect(await canvasAt(page, 0, 0.5, 0.03)).toBe(0);
  // The series thumbnail shows the middle slice: body grey in the centre, air black at the top.
  const thumb = page.getByTestId('series-thumbnail');
  await expect(thumb).toHaveAttribute('data-ready', 'true');
  const [centre, top] = await thumb.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const px = (x: number, y: number) => c.getContext('2d')!.getImageData(x, y, 1, 1).data[0];
    return [px(c.width / 2, Math.floor(c.height * 0.3)), px(c.width / 2, 0)];
  });
  expect(top).toBe(0);
  expect(centre).toBeGreaterThan(60);
  expect(await canvasAt(page, 0, 0.5, 0.42)).toBeGreaterThan(90);
  // The tag browser shows the instance's header, searchable.
  await page.getByRole('searchbox', { name: 'Search tags' }).fill('rescale');
  // Rescale Intercept, Slope and Type, as the demo writer put them.
  await expect(page.locator('.tag-browser tr')).toHaveCount(3);
  await expect(page.locator('.tag-browser')).toContainText('-1024');
  await expect(page.locator('.tag-browser')).toContainText('HU');
  await page.getByRole('searchbox', { name: 'Search tags' }).fill('7fe0');
  await expect(page.locator('.tag-browser tr')).toHaveCount(1);
});

test('cine plays through the slices, wraps round and pauses', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Open demo study' }).click();
  const vp = page.getByTestId('viewport-0');
  await expect(vp).toHaveAttribute('data-rendered', '0|40|400|false');
  await vp.getByRole('combobox', { name: 'Cine frames per second' }).selectOption('30');
  await vp.getByRole('button', { name: 'Play cine' }).click();
  // 40 slices at 30 fps: past the last slice within about 1.3 s, back to the start.
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        seen.add(Number(await vp.getAttribute('data-index')));
        return seen.has(39) && seen.has(0) && seen.size > 10;
      },
      { timeout: 10_000, intervals: [50] },
    )
    .toBe(true);
  await page.keyboard.press('c');
  await expect(vp.getByRole('button', { name: 'Play cine' })).toBeVisible();
  const stopped = await vp.getAttribute('data-index');
  await page.waitForTimeout(400);
  expect(await vp.getAttribute('data-index')).toBe(stopped);
  // The slice shown is painted, not just counted: the image settles on the stopped index.
  await expect(vp).toHaveAttribute('data-rendered', new RegExp(`^${stopped}\\|`));
});

import { canvasAt, expect, test } from './fixtures.ts';

test('one click opens the demo study from the start page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Open demo study' }).click();
  const vp = page.getByTestId('viewport-0');
  await expect(vp).toHaveAttribute('data-rendered', '0|40|400|false');
  await expect(vp.getByTestId('slice-label')).toHaveText('Im 1/40');
  await expect(page.getByRole('navigation', { name: 'Studies' })).toContainText('Demo CT phantom');
  expect(await canvasAt(page, 0, 0.5, 0.03)).toBe(0);
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

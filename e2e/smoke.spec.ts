import { test, expect } from '@playwright/test';

test('the start page loads from its own origin only', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (
      !r.url().startsWith('http://127.0.0.1:4173') &&
      !r.url().startsWith('data:') &&
      !r.url().startsWith('blob:')
    )
      foreign.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Consilium' })).toBeVisible();
  expect(foreign).toEqual([]);
});

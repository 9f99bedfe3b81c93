// Escape closes overlays: the export dialog and the comparison view; the comparison leaves the
// side panel's tabs usable.
import { expect, test } from './fixtures.ts';

test('Escape closes the export dialog and the comparison view', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Bundles' }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export bundle' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Compare bundles…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare bundles' });
  await expect(compare).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();
  // The comparison covers the images, not the side panel: its tabs stay clickable (a click on
  // a covered element would time out).
  await page.getByRole('button', { name: 'Compare bundles…' }).click();
  await expect(compare).toBeVisible();
  await page.getByRole('tab', { name: 'Tags' }).click({ timeout: 5000 });
  await expect(compare).toBeHidden();
});

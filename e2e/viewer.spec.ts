import { canvasAt, canvasGrid, expect, meanAbsDiff, test, writeDemoSeries } from './fixtures.ts';

test('a multi-file CT series loads, scrolls by wheel and keys, and windows by drag', async ({
  page,
}) => {
  const files = writeDemoSeries(24, 128);
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(files);

  const vp = page.getByTestId('viewport-0');
  await expect(page.getByTestId('load-progress')).toHaveAttribute('data-done', '24');
  await expect(page.getByRole('button', { name: /Axial .* 24 images/ })).toBeVisible();
  // The abdomen preset of the file (W 400 L 40) is the initial window.
  await expect(vp).toHaveAttribute('data-rendered', '0|40|400|false');
  await expect(vp.getByTestId('slice-label')).toHaveText('Im 1/24');
  // Axial, radiological convention: the patient's right is on the viewer's left.
  await expect(vp.getByTestId('edge-left')).toHaveText('R');

  // The body (soft tissue, 40 HU at L 40) is mid-grey; air outside it is black.
  const body = await canvasAt(page, 0, 0.5, 0.42);
  const air = await canvasAt(page, 0, 0.5, 0.03);
  expect(air).toBe(0);
  expect(body).toBeGreaterThan(90);
  expect(body).toBeLessThan(170);
  const first = await canvasGrid(page, 0);

  // Wheel: 3 notches down, 3 slices on.
  const box = (await vp.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 100);
  await expect(vp).toHaveAttribute('data-rendered', '3|40|400|false');
  await expect(vp.getByTestId('slice-label')).toHaveText('Im 4/24');

  // Keys: End goes to the last slice (lungs, not liver): a different image.
  await page.keyboard.press('End');
  await expect(vp).toHaveAttribute('data-rendered', '23|40|400|false');
  const last = await canvasGrid(page, 0);
  expect(meanAbsDiff(first, last)).toBeGreaterThan(5);
  await page.keyboard.press('ArrowUp');
  await expect(vp).toHaveAttribute('data-rendered', '22|40|400|false');

  // Left drag with the W/L tool: 100 px right widens the window, so soft tissue turns darker-grey.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await expect(vp).not.toHaveAttribute('data-rendered', '22|40|400|false');
  await expect(vp.getByTestId('wl-label')).not.toHaveText('W 400 L 40');
  const rendered = (await vp.getAttribute('data-rendered'))!.split('|').map(Number);
  expect(rendered[2]).toBeGreaterThan(400);
  const before = await canvasAt(page, 0, 0.5, 0.42);
  await page.keyboard.press('r');
  await expect(vp).toHaveAttribute('data-rendered', '22|40|400|false');
  expect(await canvasAt(page, 0, 0.5, 0.42)).not.toBe(before);

  // A CT preset from the keyboard (6 = lung, W 1500 L -600) and invert.
  await page.keyboard.press('6');
  await expect(vp).toHaveAttribute('data-rendered', '22|-600|1500|false');
  // Air (-1000 HU) in the lung window: ((-1000 + 600) / 1500 + 0.5) × 255 ≈ 60.
  const airLung = await canvasAt(page, 0, 0.5, 0.03);
  expect(Math.abs(airLung - 60)).toBeLessThanOrEqual(1);
  await page.keyboard.press('i');
  await expect(vp).toHaveAttribute('data-rendered', '22|-600|1500|true');
  expect(Math.abs((await canvasAt(page, 0, 0.5, 0.03)) - (255 - airLung))).toBeLessThanOrEqual(1);
});

test('layouts show a series per viewport and the help lists the shortcuts', async ({ page }) => {
  const files = writeDemoSeries(6, 64);
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(files);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|/);
  await page.keyboard.press('2');
  await expect(page.getByTestId('viewport-1')).toBeVisible();
  await page.getByTestId('viewport-1').click();
  await page.getByRole('button', { name: /Axial/ }).click();
  await expect(page.getByTestId('viewport-1')).toHaveAttribute('data-rendered', /^0\|40\|400/);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Window/level tool');
  await expect(help).toContainText('Layout 2×2');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('a series dragged from the study browser shows in the viewport it is dropped on', async ({
  page,
}) => {
  const files = writeDemoSeries(6, 64);
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(files);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|/);
  await page.keyboard.press('2');
  const right = page.getByTestId('viewport-1');
  await expect(right).toBeVisible();
  await expect(right).toHaveAttribute('data-rendered', '');
  await page.getByRole('button', { name: /Axial/ }).dragTo(right);
  await expect(right).toHaveAttribute('data-rendered', /^0\|40\|400/);
  // The drop made it the active viewport, and no file load started.
  await expect(right).toHaveClass(/active/);
  await expect(page.locator('.app')).not.toHaveClass(/dragging/);
});

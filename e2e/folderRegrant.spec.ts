// A folder opened through the File System Access API is remembered: after a reload one click on
// "Re-open folder" reads the same folder again and the series is back. The picker is answered
// with an origin-private folder (Playwright cannot drive the real one), holding a demo series.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, test, writeDemoSeries } from './fixtures.ts';

test('a folder opened once is re-granted and re-read after a reload', async ({ page }) => {
  const files = writeDemoSeries(3, 32).map((p) => ({
    name: basename(p),
    bytes: [...readFileSync(p)],
  }));
  await page.addInitScript(() => {
    (
      window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }
    ).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('study', { create: true });
  });
  await page.goto('/');
  await page.evaluate(async (files) => {
    const dir = await (
      await navigator.storage.getDirectory()
    ).getDirectoryHandle('study', {
      create: true,
    });
    for (const f of files) {
      const w = await (await dir.getFileHandle(f.name, { create: true })).createWritable();
      await w.write(new Uint8Array(f.bytes));
      await w.close();
    }
  }, files);

  await page.locator('.open-menu > summary').click();
  await page.getByRole('button', { name: 'Open folder…' }).click();
  await expect(page.getByTestId('load-progress')).toHaveAttribute('data-done', '3');
  await expect(page.getByRole('navigation', { name: 'Studies' })).toContainText('3 images');

  await page.reload();
  const prompt = page.getByTestId('reopen-prompt');
  await expect(prompt).toContainText('1 series from your last session are not open');
  await prompt.getByRole('button', { name: 'Re-open folder “study”' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Studies' })).toContainText('3 images');
  await expect(page.getByTestId('viewport-0')).toBeVisible();
});

// A colour image in the browser: analysis runs on its BT.601 luminance (it used to fail with
// "RangeError: offset is out of bounds"), and the whole-image mean is the luma mean.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDicom } from '../src/core/dicom/testing/writeDicom.ts';
import { expect, test } from './fixtures.ts';

const SIZE = 32;

/** RGB: red rises left to right, green top to bottom, blue constant 128. */
function writeRgb(): string {
  const rgb = new Uint8Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) rgb.set([x * 8, y * 8, 128], (y * SIZE + x) * 3);
  const path = join(mkdtempSync(join(tmpdir(), 'consilium-rgb-')), 'photo.dcm');
  writeFileSync(
    path,
    writeDicom([
      { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.7' },
      { tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.826.0.1.3680043.10.13.3' },
      { tag: [0x0008, 0x0060], vr: 'CS', value: 'XC' },
      { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.826.0.1.3680043.10.13.1' },
      { tag: [0x0020, 0x000e], vr: 'UI', value: '1.2.826.0.1.3680043.10.13.2' },
      { tag: [0x0028, 0x0002], vr: 'US', value: [3] },
      { tag: [0x0028, 0x0004], vr: 'CS', value: 'RGB' },
      { tag: [0x0028, 0x0006], vr: 'US', value: [0] },
      { tag: [0x0028, 0x0010], vr: 'US', value: [SIZE] },
      { tag: [0x0028, 0x0011], vr: 'US', value: [SIZE] },
      { tag: [0x0028, 0x0100], vr: 'US', value: [8] },
      { tag: [0x0028, 0x0101], vr: 'US', value: [8] },
      { tag: [0x0028, 0x0102], vr: 'US', value: [7] },
      { tag: [0x0028, 0x0103], vr: 'US', value: [0] },
      { tag: [0x7fe0, 0x0010], vr: 'OB', value: rgb },
    ]),
  );
  return path;
}

test('a colour image is analysed on its BT.601 luminance, not refused or crashed', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(writeRgb());
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /.+/);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('combobox', { name: 'ROI to analyse' }).selectOption('whole');
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const status = page.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-status', 'done');
  // Mean of R and G is 8 × 15.5 = 124, B is 128: 0.299·124 + 0.587·124 + 0.114·128.
  const mean = await page.locator('.feature-table tbody tr[data-code=Q4LE] td.value').first();
  expect(Number(await mean.textContent())).toBeCloseTo(0.299 * 124 + 0.587 * 124 + 0.114 * 128, 2);
  await expect(page.getByText(/out of bounds|grey images/)).toHaveCount(0);
});

// Hostile DICOM headers loaded through the file input beside a good series: each is listed under
// "files not loaded" with its reason, the good series still shows, and the page (workers
// included) stays small, since no size a header claims is believed before it is checked.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { imageHeader, writeDicom, type TestElement } from '../src/core/dicom/testing/writeDicom.ts';
import { expect, test, writeDemoSeries } from './fixtures.ts';

const tinyPixels: TestElement = { tag: [0x7fe0, 0x0010], vr: 'OW', value: [1, 2, 3, 4] };

function withHeader(rows: number, columns: number, extra: TestElement[]): Uint8Array {
  const replaced = (e: TestElement) => extra.some((x) => x.tag.join() === e.tag.join());
  return writeDicom([
    ...imageHeader(rows, columns, 16, false).filter((e) => !replaced(e)),
    ...extra,
    tinyPixels,
  ]);
}

const hostile = {
  // 65535 × 65535 pixels (8 GB of samples) in an 8-byte Pixel Data element.
  'huge-65535.dcm': withHeader(65535, 65535, []),
  'slope-infinity.dcm': withHeader(2, 2, [{ tag: [0x0028, 0x1053], vr: 'DS', value: 'Infinity' }]),
  'frames-2147483647.dcm': withHeader(2, 2, [
    { tag: [0x0028, 0x0008], vr: 'IS', value: '2147483647' },
  ]),
};

test('hostile headers are each listed with their reason; the good series still shows', async ({
  page,
}) => {
  const good = writeDemoSeries(5, 64);
  const dir = dirname(good[0]);
  const paths = Object.entries(hostile).map(([name, bytes]) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  });

  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles([...good, ...paths]);

  const errors = page.getByRole('region', { name: 'Files not loaded' });
  await expect(errors.getByRole('listitem')).toHaveCount(3);
  await expect(errors).toContainText('3 files not loaded');
  const line = (name: string) => errors.getByRole('listitem').filter({ hasText: name });
  await expect(line('huge-65535.dcm')).toContainText('rows of 65535, more than the limit');
  await expect(line('huge-65535.dcm')).toHaveAttribute('data-code', 'limit-exceeded');
  await expect(line('slope-infinity.dcm')).toContainText('Rescale Slope (0028,1053) is Infinity');
  await expect(line('slope-infinity.dcm')).toHaveAttribute('data-code', 'non-finite-values');
  await expect(line('frames-2147483647.dcm')).toContainText('number of frames of 2147483647');
  await expect(line('frames-2147483647.dcm')).toHaveAttribute('data-code', 'limit-exceeded');

  await expect(page.getByRole('button', { name: /Axial .* 5 images/ })).toBeVisible();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|40\|400/);

  // The whole page, workers included (the page is cross-origin isolated, so it may ask).
  const bytes = await page.evaluate(async () => {
    const measure = (
      performance as Performance & {
        measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
      }
    ).measureUserAgentSpecificMemory;
    return measure ? (await measure.call(performance)).bytes : -1;
  });
  test.info().annotations.push({ type: 'page memory (bytes)', description: String(bytes) });
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThan(256 * 2 ** 20);
});

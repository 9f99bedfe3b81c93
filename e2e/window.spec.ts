// A CT without window tags: one window for the whole series (from the first slice shown), so the
// same tissue keeps its brightness from slice to slice even though each slice's range differs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageHeader, writeDicom } from '../src/core/dicom/testing/writeDicom.ts';
import { canvasAt, expect, test } from './fixtures.ts';

const SIZE = 64;
const SLICES = 4;

/** Top half water (0 HU) on every slice; bottom half a ramp whose top rises slice by slice. */
function writeUnwindowedCt(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-nowindow-'));
  return Array.from({ length: SLICES }, (_, k) => {
    const pixels: number[] = [];
    for (let y = 0; y < SIZE; y++)
      for (let x = 0; x < SIZE; x++)
        pixels.push(y < SIZE / 2 ? 1024 : Math.round((x / SIZE) * (1000 + 800 * k)));
    const bytes = writeDicom([
      ...imageHeader(SIZE, SIZE, 16, false),
      { tag: [0x0008, 0x0018], vr: 'UI', value: `1.2.826.0.1.3680043.10.9.3.${k + 1}` },
      { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.1' },
      { tag: [0x0020, 0x000e], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.2' },
      { tag: [0x0020, 0x0013], vr: 'IS', value: String(k + 1) },
      { tag: [0x0028, 0x1052], vr: 'DS', value: '-1024' },
      { tag: [0x0028, 0x1053], vr: 'DS', value: '1' },
      { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels },
    ]);
    const path = join(dir, `nowindow-${k + 1}.dcm`);
    writeFileSync(path, bytes);
    return path;
  });
}

test('a CT without window tags keeps one window, so water stays one grey across slices', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(writeUnwindowedCt());
  const vp = page.getByTestId('viewport-0');
  await expect(page.getByTestId('load-progress')).toHaveAttribute('data-done', String(SLICES));
  await expect(vp).toHaveAttribute('data-rendered', /^0\|/);
  const window0 = (await vp.getAttribute('data-rendered'))!.split('|').slice(1, 3).join('|');
  const water = [await canvasAt(page, 0, 0.5, 0.3)];
  for (let k = 1; k < SLICES; k++) {
    await page.keyboard.press('ArrowDown');
    await expect(vp).toHaveAttribute('data-rendered', new RegExp(`^${k}\\|`));
    water.push(await canvasAt(page, 0, 0.5, 0.3));
    expect((await vp.getAttribute('data-rendered'))!.split('|').slice(1, 3).join('|')).toBe(
      window0,
    );
  }
  expect(water[0]).toBeGreaterThan(0);
  expect(new Set(water).size).toBe(1);
});

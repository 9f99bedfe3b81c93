// The study list with 1,000 studies (one small image each): only the rows in view are in the
// DOM, it scrolls to the last study, a search finds one patient among them, and sorting by date
// puts the newest study first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageHeader, writeDicom } from '../src/core/dicom/testing/writeDicom.ts';
import { expect, test } from './fixtures.ts';

const STUDIES = 1000;
const root = '1.2.826.0.1.3680043.10.15';

function writeStudies(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-studies-'));
  const pixels = Array.from({ length: 8 * 8 }, (_, i) => i * 16);
  return Array.from({ length: STUDIES }, (_, k) => {
    const n = String(k).padStart(4, '0');
    // Dates spread over 2000–2027 so that the newest is study 999 (2027-04-28).
    const day = new Date(Date.UTC(2000, 0, 1) + k * 10 * 86_400_000);
    const date = day.toISOString().slice(0, 10).replace(/-/g, '');
    const path = join(dir, `s${n}.dcm`);
    writeFileSync(
      path,
      writeDicom([
        ...imageHeader(8, 8, 16, false).filter(
          (e) => !(e.tag[0] === 0x0008 && (e.tag[1] === 0x0060 || e.tag[1] === 0x0018)),
        ),
        { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.7' },
        { tag: [0x0008, 0x0018], vr: 'UI', value: `${root}.3.${k}` },
        { tag: [0x0008, 0x0020], vr: 'DA', value: date },
        { tag: [0x0008, 0x0060], vr: 'CS', value: k % 2 ? 'CR' : 'DX' },
        { tag: [0x0008, 0x1030], vr: 'LO', value: `Chest ${n}` },
        { tag: [0x0010, 0x0010], vr: 'PN', value: `Patient^${n}` },
        { tag: [0x0010, 0x0020], vr: 'LO', value: `ID-${n}` },
        { tag: [0x0020, 0x000d], vr: 'UI', value: `${root}.1.${k}` },
        { tag: [0x0020, 0x000e], vr: 'UI', value: `${root}.2.${k}` },
        { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels },
      ]),
    );
    return path;
  });
}

test('1,000 studies: virtualized, scroll to the end, search and sort stay fast', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const paths = writeStudies();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(paths);
  await expect(page.getByTestId('load-progress')).toHaveAttribute('data-done', String(STUDIES), {
    timeout: 120_000,
  });
  const count = page.getByTestId('study-count');
  await expect(count).toHaveText(`${STUDIES} of ${STUDIES} studies`);
  const list = page.getByRole('navigation', { name: 'Studies' });
  // 3,000 rows (patient, study, series), a few dozen in the DOM.
  const inDom = await list.locator('.study-row').count();
  expect(inDom).toBeGreaterThan(5);
  expect(inDom).toBeLessThan(80);

  // Scroll to the end: the last patient appears, still few rows in the DOM.
  await page.getByTestId('study-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(list.getByRole('heading', { name: /Patient 0999/ })).toBeVisible();
  expect(await list.locator('.study-row').count()).toBeLessThan(80);

  // Search one patient among 1,000: the list answers within a frame or two of the keystrokes.
  const search = page.getByRole('searchbox', { name: 'Search studies' });
  const started = Date.now();
  await search.fill('patient id-0421');
  await expect(count).toHaveText(`1 of ${STUDIES} studies`);
  const searchMs = Date.now() - started;
  await expect(list.getByRole('heading', { name: /Chest 0421/ })).toBeVisible();
  await list.getByRole('button', { name: /s0421\.dcm/ }).click();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /.+/);

  // Newest first: study 999 heads the list.
  await search.fill('');
  await page.getByRole('combobox', { name: 'Sort studies' }).selectOption('date-desc');
  await page.getByTestId('study-list').evaluate((el) => (el.scrollTop = 0));
  await expect(list.locator('.study-row').first()).toContainText('Patient 0999');
  test.info().annotations.push({ type: 'search-ms', description: String(searchMs) });
  expect(searchMs).toBeLessThan(5_000);
});

test('a series card spans the side bar: thumbnail, modality and title side by side', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Open demo study' }).click();
  const card = page.locator('button.series').first();
  await expect(card).toBeVisible();
  const list = page.getByRole('navigation', { name: 'Studies' });
  const [cardBox, listBox] = [await card.boundingBox(), await list.boundingBox()];
  // The virtual rows once took the card's grid class and squeezed it into a 56-px column.
  expect(cardBox!.width).toBeGreaterThan(listBox!.width * 0.8);
  const thumb = (await card.locator('.thumbnail').boundingBox())!;
  const title = (await card.locator('.series-title').boundingBox())!;
  expect(title.x).toBeGreaterThan(thumb.x + thumb.width);
  expect(Math.abs(title.y - thumb.y)).toBeLessThan(thumb.height);
  const search = (await page
    .getByRole('searchbox')
    .or(page.locator('.study-tools input'))
    .first()
    .boundingBox())!;
  expect(search.width).toBeGreaterThan(listBox!.width * 0.8);
});

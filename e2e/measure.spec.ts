// Reading tools on a real image: a length in mm from the pixel spacing, a rectangle's mean and
// SD in HU, the probe's HU under the cursor, and all of it still there after a reload. The
// expected numbers are computed here from the pixels this test writes, not by the app's code.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { imageHeader, writeDicom } from '../src/core/dicom/testing/writeDicom.ts';
import { expect, test } from './fixtures.ts';

const SIZE = 64;
// Row spacing (between rows, along y) differs from column spacing, so a swap would show.
const ROW_MM = 0.7;
const COL_MM = 0.9;
const INTERCEPT = -1024;

/** Stored value of pixel (x, y): a pattern with spread in every small box. */
const stored = (x: number, y: number) => 900 + ((x * 7 + y * 13) % 200);
const hu = (x: number, y: number) => stored(x, y) + INTERCEPT;

function writeCt(): string {
  const pixels: number[] = [];
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) pixels.push(stored(x, y));
  const bytes = writeDicom([
    ...imageHeader(SIZE, SIZE, 16, false).filter((e) => e.tag[1] !== 0x0018),
    { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
    { tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.7.3' },
    { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.7.1' },
    { tag: [0x0020, 0x000e], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.7.2' },
    { tag: [0x0028, 0x0030], vr: 'DS', value: `${ROW_MM}\\${COL_MM}` },
    { tag: [0x0028, 0x1050], vr: 'DS', value: '0' },
    { tag: [0x0028, 0x1051], vr: 'DS', value: '400' },
    { tag: [0x0028, 0x1052], vr: 'DS', value: String(INTERCEPT) },
    { tag: [0x0028, 0x1053], vr: 'DS', value: '1' },
    { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels },
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'consilium-measure-')), 'measure-ct.dcm');
  writeFileSync(path, bytes);
  return path;
}

async function open(page: Page, file: string) {
  await page.getByTestId('open-files').setInputFiles([file]);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|/);
}

/** Drags inside viewport 0 between two points given as fractions of its box. */
async function drag(page: Page, from: [number, number], to: [number, number]) {
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const at = (f: [number, number]) => [box.x + f[0] * box.width, box.y + f[1] * box.height];
  const [x0, y0] = at(from);
  const [x1, y1] = at(to);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x1, y1, { steps: 6 });
  await page.mouse.up();
}

type Pt = [number, number];
const points = async (page: Page, kind: string): Promise<Pt[]> =>
  JSON.parse(
    (await page
      .locator(`[data-testid=measurement][data-kind=${kind}]`)
      .getAttribute('data-points'))!,
  );

test('length in mm, rectangle mean/SD in HU, probe HU, kept over a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const file = writeCt();
  await page.goto('/');
  await open(page, file);

  // The toolbar fits at 1280 × 720: every button inside the window.
  for (const b of await page.locator('header.toolbar button, header.toolbar label').all()) {
    const r = (await b.boundingBox())!;
    expect(r.x + r.width, await b.innerText()).toBeLessThanOrEqual(1280);
  }

  // Length: one measurement, then the tool is back to W/L.
  await page.getByRole('button', { name: 'Length' }).click();
  await drag(page, [0.4, 0.4], [0.6, 0.55]);
  const length = page.locator('[data-testid=measurement][data-kind=length]');
  await expect(length).toHaveCount(1);
  const [a, b] = await points(page, 'length');
  const mm = Math.hypot((b[0] - a[0]) * COL_MM, (b[1] - a[1]) * ROW_MM);
  expect(mm).toBeGreaterThan(5); // the drag landed on the image
  await expect(length).toContainText(`${mm.toFixed(2)} mm`);
  await expect(page.getByRole('button', { name: 'Length' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(page.getByRole('button', { name: 'W/L' })).toHaveAttribute('aria-pressed', 'true');

  // Rectangle: mean and population SD over the pixels whose centres are inside.
  await page.getByRole('button', { name: '▭ ROI' }).click();
  await drag(page, [0.35, 0.6], [0.55, 0.75]);
  const rect = page.locator('[data-testid=measurement][data-kind=rectangle]');
  await expect(rect).toHaveCount(1);
  const [p, q] = await points(page, 'rectangle');
  const inside: number[] = [];
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      if (cx >= Math.min(p[0], q[0]) && cx < Math.max(p[0], q[0]))
        if (cy >= Math.min(p[1], q[1]) && cy < Math.max(p[1], q[1])) inside.push(hu(x, y));
    }
  expect(inside.length).toBeGreaterThan(20);
  const mean = inside.reduce((s, v) => s + v, 0) / inside.length;
  const sd = Math.sqrt(inside.reduce((s, v) => s + (v - mean) ** 2, 0) / inside.length);
  await expect(rect).toContainText(`Mean ${mean.toFixed(1)} HU SD ${sd.toFixed(1)}`);
  await expect(rect).toContainText(`Min ${Math.min(...inside)} Max ${Math.max(...inside)}`);
  const area = Math.abs(q[0] - p[0]) * COL_MM * Math.abs(q[1] - p[1]) * ROW_MM;
  await expect(rect).toContainText(`Area ${area.toFixed(2)} mm²`);
  const result = JSON.parse((await rect.getAttribute('data-result'))!);
  expect(result.mean).toBeCloseTo(mean, 9);
  expect(result.sd).toBeCloseTo(sd, 9);
  expect(result.pixels).toBe(inside.length);

  // Probe: the HU under the cursor while hovering, kept by a click.
  await page.getByRole('button', { name: 'Probe' }).click();
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.move(box.x + box.width * 0.31, box.y + box.height * 0.32);
  const live = page.getByTestId('measurement-draft');
  await expect(live).toBeVisible();
  const hover = JSON.parse((await live.getAttribute('data-result'))!);
  const [px, py] = hover.pixel as Pt;
  await expect(live).toHaveText(`(${px}, ${py}) ${hu(px, py)} HU`);
  await page.mouse.down();
  await page.mouse.up();
  await expect(page.locator('[data-testid=measurement][data-kind=probe]')).toContainText(
    `(${px}, ${py}) ${hu(px, py)} HU`,
  );

  // A reload keeps them: re-open the same file and they are on the image again.
  const before = await page
    .locator('[data-testid=measurement]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-result')).sort());
  expect(before).toHaveLength(3);
  await page.reload();
  await open(page, file);
  await expect(page.locator('[data-testid=measurement]')).toHaveCount(3);
  const after = await page
    .locator('[data-testid=measurement]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-result')).sort());
  expect(after).toEqual(before);

  // The SR: one TID 1410 group per measurement, the numbers shown, the study's own UIDs.
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SR', exact: true }).click();
  const path = await (await saved).path();
  const sr = dcmjs.data.DicomMessage.readFile(new Uint8Array(readFileSync(path)).buffer).dict;
  expect(sr['0020000D'].Value).toEqual(['1.2.826.0.1.3680043.10.9.7.1']);
  const numbers = new Map<string, number[]>();
  const walk = (items: DcmjsDataset[]) => {
    for (const it of items) {
      const concept = (it['0040A043']?.Value as DcmjsDataset[] | undefined)?.[0];
      const measured = (it['0040A300']?.Value as DcmjsDataset[] | undefined)?.[0];
      if (concept && measured) {
        const code = String(concept['00080100'].Value![0]);
        numbers.set(code, [...(numbers.get(code) ?? []), Number(measured['0040A30A'].Value![0])]);
      }
      walk((it['0040A730']?.Value ?? []) as DcmjsDataset[]);
    }
  };
  walk(sr['0040A730'].Value as DcmjsDataset[]);
  expect(numbers.get('410668003')![0]).toBeCloseTo(mm, 5); // Length
  expect(numbers.get('42798000')![0]).toBeCloseTo(area, 4); // Area
  // Attenuation Coefficient: mean, SD, min, max of the rectangle, then the probe.
  const huValues = numbers.get('112031')!;
  expect(huValues[0]).toBeCloseTo(mean, 5);
  expect(huValues[1]).toBeCloseTo(sd, 5);
  expect(huValues.slice(2)).toEqual([Math.min(...inside), Math.max(...inside), hu(px, py)]);
  const dciodvfy = spawnSync('sh', ['-c', 'command -v dciodvfy'], {
    encoding: 'utf8',
  }).stdout.trim();
  if (dciodvfy) {
    const run = spawnSync(dciodvfy, [path], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`.split('\n').filter((l) => /^Error/.test(l))).toEqual([]);
  }
});

test('Shift+click keeps a measuring tool on for several measurements', async ({ page }) => {
  const file = writeCt();
  await page.goto('/');
  await open(page, file);
  await page.getByRole('button', { name: 'Length' }).click({ modifiers: ['Shift'] });
  await drag(page, [0.3, 0.3], [0.5, 0.3]);
  await drag(page, [0.3, 0.5], [0.5, 0.6]);
  await expect(page.locator('[data-testid=measurement][data-kind=length]')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Length' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Its × deletes one (the tool still on does not take the click for a new length).
  await page.getByRole('button', { name: 'Delete this measurement' }).first().click();
  await expect(page.locator('[data-testid=measurement][data-kind=length]')).toHaveCount(1);

  // Angle: drag one arm, click the other end; the angle is taken in mm (unequal spacing).
  await page.getByRole('button', { name: 'Angle', exact: true }).click();
  await drag(page, [0.3, 0.3], [0.5, 0.5]);
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.35, { steps: 3 });
  await page.mouse.down();
  await page.mouse.up();
  const angle = page.locator('[data-testid=measurement][data-kind=angle]');
  await expect(angle).toHaveCount(1);
  const [a, v, c] = await points(page, 'angle');
  const u = [(a[0] - v[0]) * COL_MM, (a[1] - v[1]) * ROW_MM];
  const w = [(c[0] - v[0]) * COL_MM, (c[1] - v[1]) * ROW_MM];
  const degrees =
    (Math.acos((u[0] * w[0] + u[1] * w[1]) / (Math.hypot(u[0], u[1]) * Math.hypot(w[0], w[1]))) *
      180) /
    Math.PI;
  expect(degrees).toBeGreaterThan(30);
  await expect(angle).toContainText(`${degrees.toFixed(1)}°`);
  // Still locked (from the Shift+click): the tool stays; unlocking makes the next one the last.
  const lock = page.getByRole('button', { name: 'Keep the measuring tool on' });
  await expect(lock).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Angle', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await lock.click();
  await page.getByRole('button', { name: '◯ ROI' }).click();
  await drag(page, [0.3, 0.6], [0.5, 0.8]);
  await expect(page.locator('[data-testid=measurement][data-kind=ellipse]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'W/L' })).toHaveAttribute('aria-pressed', 'true');
});

/** One slice of a series in frame of reference FOR: 1 mm pixels, position and orientation given. */
function slice(
  dir: string,
  name: string,
  series: number,
  k: number,
  size: [columns: number, rows: number],
  ipp: [number, number, number],
  iop: number[],
): string {
  const [columns, rows] = size;
  const pixels = Array.from({ length: columns * rows }, (_, i) => 1000 + ((i * 37) % 300));
  const bytes = writeDicom([
    ...imageHeader(rows, columns, 16, false).filter((e) => e.tag[1] !== 0x0018),
    { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' },
    { tag: [0x0008, 0x0018], vr: 'UI', value: `1.2.826.0.1.3680043.10.9.8.${series}.${k + 1}` },
    { tag: [0x0008, 0x103e], vr: 'LO', value: name },
    { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.8.1' },
    { tag: [0x0020, 0x000e], vr: 'UI', value: `1.2.826.0.1.3680043.10.9.8.${series}` },
    { tag: [0x0020, 0x0011], vr: 'IS', value: String(series) },
    { tag: [0x0020, 0x0013], vr: 'IS', value: String(k + 1) },
    { tag: [0x0020, 0x0032], vr: 'DS', value: ipp.join('\\') },
    { tag: [0x0020, 0x0037], vr: 'DS', value: iop.join('\\') },
    { tag: [0x0020, 0x0052], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.8.99' },
    { tag: [0x0028, 0x0030], vr: 'DS', value: '1\\1' },
    { tag: [0x0028, 0x1050], vr: 'DS', value: '100' },
    { tag: [0x0028, 0x1051], vr: 'DS', value: '400' },
    { tag: [0x0028, 0x1052], vr: 'DS', value: '-1024' },
    { tag: [0x0028, 0x1053], vr: 'DS', value: '1' },
    { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels },
  ]);
  const path = join(dir, `${name.replace(/\W/g, '')}-${k + 1}.dcm`);
  writeFileSync(path, bytes);
  return path;
}

test('viewports of one frame of reference scroll together and show reference lines', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-linked-'));
  const axial = [1, 0, 0, 0, 1, 0];
  const files = [
    // Axial A: z = 0, 2, …, 10; axial B: z = 0, 4, 8; one coronal at y = 10 spanning z 11 … 0.
    ...[0, 1, 2, 3, 4, 5].map((k) => slice(dir, 'Axial A', 2, k, [32, 32], [0, 0, 2 * k], axial)),
    ...[0, 1, 2].map((k) => slice(dir, 'Axial B', 3, k, [32, 32], [0, 0, 4 * k], axial)),
    slice(dir, 'Coronal C', 4, 0, [32, 12], [0, 10, 11], [1, 0, 0, 0, 0, -1]),
  ];
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(files);
  await expect(page.getByTestId('load-progress')).toHaveAttribute('data-done', '10');
  await page.keyboard.press('2');
  const [left, right] = [page.getByTestId('viewport-0'), page.getByTestId('viewport-1')];
  await left.click();
  await page.getByRole('button', { name: /Axial A/ }).click();
  await right.click();
  await page.getByRole('button', { name: /Axial B/ }).click();
  await expect(right).toHaveAttribute('data-rendered', /\|/);
  await left.click();
  const z = (vp: number) =>
    page.locator(`[data-testid=viewport-${vp}] .bottom-left`).getByText(/^Z /);

  // Scroll the left one to z = 4, then to z = 10: the right one follows to z = 4, then z = 8.
  for (const target of ['4.0', '10.0']) {
    for (let i = 0; i < 6 && !(await z(0).innerText()).includes(`Z ${target} mm`); i++)
      await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 12 && !(await z(0).innerText()).includes(`Z ${target} mm`); i++)
      await page.keyboard.press('ArrowUp');
    await expect(z(0)).toHaveText(`Z ${target} mm`);
    await expect(z(1)).toHaveText(target === '4.0' ? 'Z 4.0 mm' : 'Z 8.0 mm');
  }

  // The coronal on the right shows where the left axial (z = 10) cuts it: row 11 − 10 + 0.5.
  await right.click();
  await page.getByRole('button', { name: /Coronal C/ }).click();
  await expect(right).toHaveAttribute('data-rendered', /^0\|/);
  await left.click();
  const line = page.getByTestId('reference-line-1');
  await expect(line).not.toHaveAttribute('data-line', '');
  const points = (JSON.parse((await line.getAttribute('data-line'))!) as Pt[]).sort(
    (a, b) => a[0] - b[0],
  );
  expect(points).toEqual([
    [0, 1.5],
    [32, 1.5],
  ]);
  // Link off: no reference line.
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(line).toHaveAttribute('data-line', '');
});

test('corner text stays readable on a white image: outlined in black', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-white-'));
  const white = writeDicom([
    ...imageHeader(64, 64, 16, false).filter((e) => e.tag[1] !== 0x0018),
    { tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.9.3' },
    { tag: [0x0010, 0x0010], vr: 'PN', value: 'WHITE^IMAGE' },
    { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.9.1' },
    { tag: [0x0020, 0x000e], vr: 'UI', value: '1.2.826.0.1.3680043.10.9.9.2' },
    { tag: [0x0028, 0x1050], vr: 'DS', value: '0' },
    { tag: [0x0028, 0x1051], vr: 'DS', value: '10' },
    { tag: [0x7fe0, 0x0010], vr: 'OW', value: new Array(64 * 64).fill(4000) },
  ]);
  writeFileSync(join(dir, 'white.dcm'), white);
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto('/');
  await open(page, join(dir, 'white.dcm'));
  await page.getByTestId('viewport-0').click();
  await page.keyboard.press('z'); // zoom tool
  const vp = (await page.getByTestId('viewport-0').boundingBox())!;
  // Zoom in until the white image fills the viewport behind the corner text.
  await page.mouse.move(vp.x + vp.width / 2, vp.y + vp.height / 2);
  await page.mouse.down();
  await page.mouse.move(vp.x + vp.width / 2, vp.y + vp.height / 2 - 300, { steps: 5 });
  await page.mouse.up();
  const png = await page.locator('[data-testid=viewport-0] .corner.top-left').screenshot();
  const dark = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let white = 0;
    let black = 0;
    for (let i = 0; i < d.length; i += 4) {
      const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      if (y > 245) white++;
      if (y < 40) black++;
    }
    return { white: white / (d.length / 4), black: black / (d.length / 4) };
  }, png.toString('base64'));
  expect(dark.white).toBeGreaterThan(0.3); // the image behind is white
  expect(dark.black).toBeGreaterThan(0.03); // and the letters carry a black outline
});

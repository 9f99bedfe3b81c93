// A compressed study's first image without the codec's cold start: the page warms its decode
// worker when it is idle after opening, and the warmed worker compiles the codecs' WebAssembly in
// the background, so every codec's .wasm has been fetched before any file is chosen, none is
// fetched for the first image, and that image is the file's pixels (JPEG-LS, lossless).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeJpegLs } from '../src/core/dicom/testing/encodeFrames.ts';
import {
  encapsulatedPixelData,
  imageHeader,
  writeDicom,
} from '../src/core/dicom/testing/writeDicom.ts';
import { canvasGrid, expect, test } from './fixtures.ts';

const JPEG_LS = '1.2.840.10008.1.2.4.80';
const size = 64;

async function jpegLsFile(): Promise<string> {
  // A left-to-right ramp, 0 to 4032, so the painted image is not flat.
  const pixels = new Uint16Array(size * size).map((_, i) => (i % size) * 64);
  const header = [
    ...imageHeader(size, size, 16, false),
    { tag: [0x0008, 0x103e] as [number, number], vr: 'LO', value: 'Warm codec' },
    { tag: [0x0020, 0x000d] as [number, number], vr: 'UI', value: '1.2.3.4.1' },
    { tag: [0x0020, 0x000e] as [number, number], vr: 'UI', value: '1.2.3.4.1.1' },
  ];
  const bytes = writeDicom(header, JPEG_LS, [
    encapsulatedPixelData([await encodeJpegLs(pixels, size, size)]),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'consilium-e2e-')), 'ramp-jpegls.dcm');
  writeFileSync(path, bytes);
  return path;
}

test('a compressed file chosen after the page settles finds its codec compiled', async ({
  page,
}) => {
  const file = await jpegLsFile();
  const wasm: { url: string; afterPick: boolean }[] = [];
  let picked = false;
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push({ url: r.url(), afterPick: picked });
  });

  await page.goto('/');
  // The four codecs (JPEG 2000, JPEG, JPEG-LS, HTJ2K) and nothing else, in the background.
  await expect.poll(() => wasm.length, { timeout: 15_000 }).toBe(4);
  expect(wasm.map((w) => w.url).join(' ')).toMatch(/charls/);

  picked = true;
  await page.getByTestId('open-files').setInputFiles([file]);
  await page.getByRole('button', { name: /Warm codec.*1 images/ }).click();
  const vp = page.getByTestId('viewport-0');
  await expect(vp).toHaveAttribute('data-rendered', /^0\|/);
  await expect(vp.getByRole('alert')).toHaveCount(0);
  const grid = await canvasGrid(page, 0, 8);
  // The ramp: each row darker on the left than on the right.
  expect(grid[0]).toBeLessThan(grid[7]);
  expect(wasm.filter((w) => w.afterPick)).toEqual([]);
});

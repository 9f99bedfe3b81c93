// WebGPU kernels against the CPU kernels in Chromium (--enable-unsafe-webgpu gives a software
// adapter on a machine without a GPU): GLCM counts equal, Gaussian and Sobel within float32
// rounding, Canny masks equal. The test fails when no adapter is there or the CPU ran instead.
import { computeFeatures } from '../src/core/analysis/computeFeatures.ts';
import { defaultParams } from '../src/core/analysis/params.ts';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { formatValue } from '../src/app/analysis/formatValue.ts';
import { expect, test } from './fixtures.ts';

test('GPU kernels give the CPU results on a 512x512 16-bit image', async ({ page }) => {
  await page.goto('/?selftest=webgpu');
  const adapter = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return gpu ? (await gpu.requestAdapter()) !== null : false;
  });
  expect(adapter, 'Chromium offers a WebGPU adapter').toBe(true);
  await page.waitForFunction(() => typeof window.consiliumGpuSelftest === 'function');
  const { on, report } = await page.evaluate(() => window.consiliumGpuSelftest!(512, 1));
  expect(on.device).toBe('GPU');
  expect(report.gaussianMaxRelative).toBeLessThan(1e-4);
  expect(report.sobelMaxRelative).toBeLessThan(1e-4);
  expect(report.sobelComponentsDiffer).toBe(0);
  expect(report.directionMaxRadians).toBeLessThan(1e-3);
  expect(report.edgePixels).toBeGreaterThan(1000);
  expect(report.edgesDiffer).toBe(0);
  expect(report.edgesDifferReference).toBe(0);
  // 4 slices x 4 directions of pairs inside the ellipse, both ways: many counts, all equal.
  expect(report.glcmCounts2d).toBeGreaterThan(1_000_000);
  expect(report.glcmDiffer2d).toBe(0);
  expect(report.glcmCounts3d).toBeGreaterThan(1_000_000);
  expect(report.glcmDiffer3d).toBe(0);
});

test('Compute on: GPU runs GLCM features and edges on the GPU with the CPU values', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Open demo study' }).click();
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|40\|/);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('radiogroup', { name: 'Compute on' }).getByLabel('GPU').check();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  const computedOn = page.getByTestId('computed-on');
  await expect(computedOn).toHaveAttribute('data-device', 'GPU');

  // The whole first slice of the demo series, computed by the core in Node on the CPU.
  const file = demoSliceFile(newDemoContext({ slices: 40, size: 256 }), 0);
  const parsed = parseInstance(file.bytes, file.name);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  const frame = await decodeFrame(file.bytes, parsed.meta, 0);
  const [rowMm, colMm] = parsed.meta.pixelSpacingMm!;
  const expected = computeFeatures(
    {
      values: frame.values,
      mask: new Uint8Array(256 * 256).fill(1),
      dims: [256, 256, 1],
      spacingMm: [colMm, rowMm, 2.5],
    },
    defaultParams, // the Analysis tab starts from the core's defaults
    ['glcm'],
  );
  const shown = await page
    .locator('.feature-table tbody tr[data-family=glcm]')
    .evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-code'), r.querySelector('td.value')!.textContent]),
    );
  const want = expected.features.map((f) => [f.ibsiCode, formatValue(f.value)]);
  expect(want).toHaveLength(25);
  expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(want));

  // The edge overlay on the GPU too.
  await page.getByRole('checkbox', { name: 'Show edges' }).check();
  await expect(page.getByTestId('analysis-overlay-0')).toHaveAttribute('data-painted', /\|edges$/);
  await expect(computedOn).toHaveAttribute('data-device', 'GPU');
  await expect(computedOn).toContainText('Last job ran on the GPU');
});

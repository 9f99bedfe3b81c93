// WebGPU kernels against the CPU kernels in Chromium (--enable-unsafe-webgpu gives a software
// adapter on a machine without a GPU): GLCM counts equal, Gaussian and Sobel within float32
// rounding, Canny masks equal. The test fails when no adapter is there or the CPU ran instead.
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

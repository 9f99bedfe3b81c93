// GPU against CPU for the image kernels in Chromium (built app with ?selftest=webgpu, vite
// preview): median ms of Gaussian (sigma 1.5), Sobel, Canny and 2D GLCM counting (4 slices) on
// 512² and 2048² 16-bit images, both run in the same worker, plus how far the results differ.
// Without a GPU, Chromium's adapter is SwiftShader, a software rasteriser: there these figures
// show the GPU path is correct, not fast. Needs dist/ (built when missing) and Debian's Chromium.
import { previewApp } from './browser.ts';
import { report } from './report.ts';

const PORT = 4183;

export async function run(): Promise<void> {
  const app = await previewApp(PORT, { webgpu: true });
  const { browser } = app;
  try {
    const page = await browser.newPage();
    await page.goto(`${app.origin}?selftest=webgpu`);
    await page.waitForFunction(() => typeof window.consiliumGpuSelftest === 'function');
    for (const size of [512, 2048]) {
      const { on, report: r } = await page.evaluate(
        (s) => window.consiliumGpuSelftest!(s, 3),
        size,
      );
      for (const [kernel, ms] of Object.entries(r.ms)) {
        report({
          bench: 'analysis-gpu',
          kernel,
          size: `${size}x${size}`,
          adapter: on.note,
          gpu_median_ms: Number(ms.gpu.toFixed(2)),
          cpu_median_ms: Number(ms.cpu.toFixed(2)),
        });
      }
      report({
        bench: 'analysis-gpu-parity',
        size: `${size}x${size}`,
        gaussian_max_relative: r.gaussianMaxRelative,
        sobel_max_relative: r.sobelMaxRelative,
        direction_max_rad: r.directionMaxRadians,
        edge_pixels: r.edgePixels,
        edge_pixels_differing: r.edgesDiffer,
        glcm_counts_differing: r.glcmDiffer2d + r.glcmDiffer3d,
      });
    }
  } finally {
    await app.close();
  }
}

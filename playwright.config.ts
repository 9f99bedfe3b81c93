import { defineConfig } from '@playwright/test';

// E2E_PORT lets a second run (e.g. a CI dry run beside a dev session) use its own port.
const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;

// Debian's Chromium, never a downloaded browser. The built app is served by `vite preview`,
// which sends the same CSP and isolation headers as a production server.
export default defineConfig({
  testDir: 'e2e',
  // Needs Orthanc: run by npm run test:services (playwright.services.config.ts).
  testIgnore: ['pacs.spec.ts', 'pacsMap.spec.ts'],
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: origin,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-webgpu',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: origin,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

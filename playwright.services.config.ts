import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// Specs that need Orthanc (scripts/services/services.sh): run by `npm run test:services`, never
// by `npm test`. The preview server proxies /dicom-web/orthanc/ to it (vite.config.ts).
const port = Number(process.env.E2E_PORT ?? 4173);
const orthanc = process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043';

export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: ['pacs.spec.ts', 'pacsMap.spec.ts'],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { CONSILIUM_PACS: `orthanc=${orthanc}/dicom-web` },
  },
});

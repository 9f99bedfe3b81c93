import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The headers and CSP every server of the app sends, stated once (consilium serve sends them too).
import { csp, devCsp, noFraming, securityHeaders } from './src/cli/serve/securityHeaders.ts';
// /dicom-web/<name>/ to the PACS of CONSILIUM_PACS="name=URL,…", as consilium serve --pacs does.
import { dicomwebProxyPlugin } from './src/cli/serve/vitePlugin.ts';

const devHeaders = { ...securityHeaders, 'Content-Security-Policy': `${devCsp}; ${noFraming}` };
const previewHeaders = { ...securityHeaders, 'Content-Security-Policy': `${csp}; ${noFraming}` };

function cspMetaTag(): Plugin {
  return {
    name: 'consilium-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: csp },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), cspMetaTag(), dicomwebProxyPlugin(devHeaders, previewHeaders)],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  server: { headers: devHeaders },
  preview: { headers: previewHeaders },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tools/**/*.test.ts'],
          exclude: ['**/*.corpus.test.ts', '**/*.services.test.ts', 'node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'corpus',
          environment: 'node',
          include: ['src/**/*.corpus.test.ts', 'tests/**/*.corpus.test.ts'],
          testTimeout: 300_000,
        },
      },
      {
        // Tests that need Redis or Orthanc, started by scripts/services/services.sh (.ci/run).
        extends: true,
        test: {
          name: 'services',
          environment: 'node',
          include: ['src/**/*.services.test.ts'],
          testTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

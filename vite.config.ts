import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Nothing leaves the machine: every fetch, script, worker and WASM module comes from our own origin.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

// The dev server needs inline scripts (React refresh) and a websocket back to itself.
const devCsp = csp
  .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*");

// Cross-origin isolation lets onnxruntime-web use WASM threads (SharedArrayBuffer). No MIME
// sniffing (a bundle or DICOM file is never run as script), no referrer to anywhere, and no
// page of another origin may frame the app (clickjacking): frame-ancestors only works in a
// header, browsers ignore it in the <meta> CSP. docs/security.md has the same for nginx.
const securityHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
const noFraming = "frame-ancestors 'none'";

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
  plugins: [react(), cspMetaTag()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  server: {
    headers: { ...securityHeaders, 'Content-Security-Policy': `${devCsp}; ${noFraming}` },
  },
  preview: {
    headers: { ...securityHeaders, 'Content-Security-Policy': `${csp}; ${noFraming}` },
  },
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

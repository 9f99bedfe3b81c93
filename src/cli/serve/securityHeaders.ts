// The one statement of the headers every server of the app sends (vite dev and preview in
// vite.config.ts, `consilium serve`; docs/security.md has the same for nginx). Nothing leaves
// the machine: every fetch, script, worker and WASM module comes from our own origin, and a
// PACS is reached through the same origin's /dicom-web/<server>/ proxy.
export const csp = [
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
export const devCsp = csp
  .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*");

// Cross-origin isolation lets onnxruntime-web use WASM threads (SharedArrayBuffer). No MIME
// sniffing (a bundle or DICOM file is never run as script), no referrer to anywhere, and no
// page of another origin may frame the app (clickjacking): frame-ancestors only works in a
// header, browsers ignore it in the <meta> CSP. docs/security.md has the same for nginx.
export const securityHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

export const noFraming = "frame-ancestors 'none'";

/** Every header of a response of the built app (preview, `consilium serve`). */
export const servedHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  'Content-Security-Policy': `${csp}; ${noFraming}`,
};

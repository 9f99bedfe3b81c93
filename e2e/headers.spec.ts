// The built app is served with its security headers on every kind of response (the page, scripts,
// workers, WASM, the model), docs/security.md's nginx snippet sends the same ones, and Chromium
// refuses to show the app inside another page's frame.
import { test as plain, type APIResponse } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const ROOT = join(import.meta.dirname, '..');

const FIXED: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  expect(response.status(), what).toBe(200);
  for (const [name, value] of Object.entries(FIXED))
    expect(headers[name], `${what}: ${name}`).toBe(value);
  const csp = directives(headers['content-security-policy'] ?? '');
  expect(csp.get('frame-ancestors'), `${what}: frame-ancestors`).toBe("'none'");
  expect(csp.get('default-src'), `${what}: default-src`).toBe("'self'");
  expect(csp.get('connect-src'), `${what}: connect-src`).toBe("'self' blob: data:");
  expect(csp.get('script-src'), `${what}: script-src`).toBe("'self' 'wasm-unsafe-eval'");
  expect(csp.get('object-src'), `${what}: object-src`).toBe("'none'");
}

/** The `add_header Name "value" always;` lines of the nginx block in docs/security.md. */
function nginxHeaders(): Map<string, string> {
  const doc = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  return new Map(
    [...block.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)].map((m) => [
      m[1].toLowerCase(),
      m[2],
    ]),
  );
}

test('the page, a script, a worker, a WASM codec and the model are served with every security header', async ({
  request,
}) => {
  const page = await request.get('/');
  expectSecurityHeaders(page, 'index.html');
  const assets = readdirSync(join(ROOT, 'dist/assets'));
  const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(script, 'index.html loads its script from /assets/').toBeTruthy();
  const worker = assets.find((n) => /^decode\.worker-.*\.js$/.test(n));
  const wasm = assets.find((n) => n.endsWith('.wasm'));
  for (const path of [script, `/assets/${worker}`, `/assets/${wasm}`, '/models/pneumonia-cnn.onnx'])
    expectSecurityHeaders(await request.get(path ?? ''), path ?? '');
});

test('docs/security.md tells nginx to send exactly the headers the preview sends', async ({
  request,
}) => {
  const served = (await request.get('/')).headers();
  const nginx = nginxHeaders();
  expect([...nginx.keys()].sort()).toEqual(
    ['content-security-policy', ...Object.keys(FIXED)].sort(),
  );
  for (const [name, value] of nginx) expect(value, name).toBe(served[name]);
});

// Without the CSP guard of ./fixtures: the refusal is itself a CSP report on the console.
plain('another page cannot show the app in a frame (frame-ancestors)', async ({ page }) => {
  const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
  await page.setContent(`<iframe id="app" src="${ORIGIN}/" width="800" height="600"></iframe>`);
  expect((await refused).text()).toContain("'none'");
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(await frame?.locator('#root').count()).toBe(0);
});

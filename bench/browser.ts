// The built app under vite preview with Debian's Chromium driving it, for the browser benches.
// Builds dist/ first when it is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export interface PreviewedApp {
  /** e.g. http://127.0.0.1:4181/ */
  origin: string;
  browser: Browser;
  /** Closes the browser and stops the server. */
  close(): Promise<void>;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

/** Each bench takes its own port, so two can run side by side. */
export async function previewApp(port: number, { webgpu = false } = {}): Promise<PreviewedApp> {
  if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  const origin = `http://127.0.0.1:${port}/`;
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore' },
  );
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: webgpu ? ['--no-sandbox', '--enable-unsafe-webgpu'] : ['--no-sandbox'],
    });
    await waitForServer(origin);
  } catch (e) {
    await browser?.close();
    server.kill();
    throw e;
  }
  const opened = browser;
  return {
    origin,
    browser: opened,
    async close() {
      await opened.close();
      server.kill();
    },
  };
}

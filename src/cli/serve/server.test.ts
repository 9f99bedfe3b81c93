// consilium serve: the app's files with its security headers, and /dicom-web/<name>/ proxied
// to a PACS (here a small upstream server that records what reached it).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pacsServers } from './pacsServers.ts';
import { servedHeaders } from './securityHeaders.ts';
import { consiliumServer } from './server.ts';

let app: Server;
let upstream: Server;
let origin = '';
const seen: { method?: string; url?: string; headers: Record<string, unknown>; body: string }[] =
  [];

function listen(server: Server): Promise<number> {
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'consilium-serve-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><p>app</p>');
  await writeFile(join(root, 'assets', 'codec.wasm'), new Uint8Array([0, 97, 115, 109]));
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(req.url?.includes('missing') ? 404 : 200, {
        'Content-Type': 'application/dicom+json',
        'Set-Cookie': 'pacs=1',
      });
      res.end('[]');
    });
  });
  const upstreamPort = await listen(upstream);
  app = consiliumServer({
    root,
    pacs: pacsServers([`main=http://127.0.0.1:${upstreamPort}/dicom-web/`]),
  });
  origin = `http://127.0.0.1:${await listen(app)}`;
});

afterAll(() => {
  app.close();
  upstream.close();
});

function expectHeaders(response: Response): void {
  for (const [name, value] of Object.entries(servedHeaders))
    expect(response.headers.get(name), name).toBe(value);
}

describe('consilium serve', () => {
  it('serves the app and its WASM with every security header, client routes as the page', async () => {
    const page = await fetch(`${origin}/`);
    expect(await page.text()).toContain('app');
    expectHeaders(page);
    const wasm = await fetch(`${origin}/assets/codec.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expectHeaders(wasm);
    expect(await (await fetch(`${origin}/some/route`)).text()).toContain('app');
    expect((await fetch(`${origin}/assets/none.js`)).status).toBe(404);
  });

  it('never serves a file outside the app', async () => {
    const status = await new Promise<number>((done) =>
      httpRequest(`${origin}/..%2F..%2Fconsilium-secret.txt`, (res) =>
        done(res.statusCode ?? 0),
      ).end(),
    );
    expect(status).toBe(400);
  });

  it('proxies /dicom-web/<name>/ with only the DICOMweb headers, both ways', async () => {
    seen.length = 0;
    const answer = await fetch(`${origin}/dicom-web/main/studies?PatientID=1`, {
      headers: { Accept: 'application/dicom+json', Authorization: 'Bearer t', Cookie: 'c=1' },
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('[]');
    expect(answer.headers.get('content-type')).toBe('application/dicom+json');
    expect(answer.headers.get('set-cookie')).toBeNull();
    expectHeaders(answer);
    expect(seen[0].url).toBe('/dicom-web/studies?PatientID=1');
    expect(seen[0].headers.authorization).toBe('Bearer t');
    expect(seen[0].headers.cookie).toBeUndefined();
    const stow = await fetch(`${origin}/dicom-web/main/studies`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/related; boundary=x' },
      body: 'payload',
    });
    expect(stow.status).toBe(200);
    expect(seen[1]).toMatchObject({ method: 'POST', body: 'payload' });
    expect((await fetch(`${origin}/dicom-web/main/missing`)).status).toBe(404);
  });

  it('answers 404 for a PACS it does not know and 502 for one that is down', async () => {
    expect((await fetch(`${origin}/dicom-web/other/studies`)).status).toBe(404);
    const down = consiliumServer({ root: tmpdir(), pacs: pacsServers(['x=http://127.0.0.1:9']) });
    const port = await listen(down);
    const answer = await fetch(`http://127.0.0.1:${port}/dicom-web/x/studies`);
    expect(answer.status).toBe(502);
    expect(await answer.text()).toMatch(/The PACS cannot be reached/);
    down.close();
  });

  it('refuses a badly named or non-http PACS', () => {
    expect(() => pacsServers(['a b=http://x'])).toThrow(/plain name/);
    expect(() => pacsServers(['a=file:///etc'])).toThrow(/http or https/);
    expect(() => pacsServers(['a=http://x', 'a=http://y'])).toThrow(/twice/);
  });
});

// The idle timeout of both transports (undici for the CLI, the platform's fetch for the page)
// against a real local HTTP server: a body that trickles in for longer than the timeout is read
// whole, one that stalls is cut soon after it stalls (not at the end of a whole-request clock),
// and a server that never answers is cut too. Each case says what the user is told.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport, type PlatformFetch } from '../../core/dicomweb/fetchTransport.ts';
import {
  dicomwebClient,
  request,
  requestStream,
  type HttpFetch,
} from '../../core/dicomweb/http.ts';
import { problemOf } from '../../core/result.ts';
import { nodeHttpTransport } from './nodeHttpTransport.ts';

const TIMEOUT = 400;
const TICK = 100;
const TICKS = 12; // 1.2 s of body in all, three times the timeout
const CHUNK = 1000;

let server: Server;
let origin = '';
const open = new Set<ServerResponse>();

/** Sends a chunk every TICK ms, TICKS of them, then ends; /stall stops after the second. */
function trickle(res: ServerResponse, stallAfter: number) {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
  let sent = 0;
  const timer = setInterval(() => {
    if (sent === stallAfter) return clearInterval(timer); // silence, the connection kept open
    res.write(new Uint8Array(CHUNK).fill(sent));
    sent++;
    if (sent === TICKS) {
      clearInterval(timer);
      res.end();
    }
  }, TICK);
  res.on('close', () => clearInterval(timer));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    if (req.url === '/trickle') trickle(res, Infinity);
    else if (req.url === '/stall') trickle(res, 2);
    // /silent: the request is read, and never answered.
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((done) => server.close(done));
});

const transports: [string, HttpFetch][] = [
  ['undici (the CLI)', nodeHttpTransport],
  [
    "the platform's fetch (the page)",
    fetchTransport(fetch as unknown as PlatformFetch, AbortSignal, AbortController),
  ],
];

async function readAll(http: HttpFetch, path: string): Promise<number> {
  const client = dicomwebClient({ baseUrl: origin, timeoutMs: TIMEOUT }, http);
  const answer = await requestStream(client, path, 'the test body');
  let size = 0;
  for (;;) {
    const next = await answer.reader.read();
    if (next.done || !next.value) return size;
    size += next.value.length;
  }
}

describe.each(transports)('the idle timeout of %s', (_, http) => {
  it('reads a body that keeps coming for longer than the timeout', async () => {
    const t0 = performance.now();
    expect(await readAll(http, '/trickle')).toBe(TICKS * CHUNK);
    expect(performance.now() - t0).toBeGreaterThan(2 * TIMEOUT);
    // The whole-body read (request) keeps the same clock per chunk.
    const client = dicomwebClient({ baseUrl: origin, timeoutMs: TIMEOUT }, http);
    expect((await request(client, '/trickle', 'the test body')).bytes.length).toBe(TICKS * CHUNK);
  });

  it('cuts a body that stalls, soon after it stalls, and says so', async () => {
    const t0 = performance.now();
    const problem = await readAll(http, '/stall').then(
      () => undefined,
      (e: unknown) => problemOf(e, 'x'),
    );
    const elapsed = performance.now() - t0;
    expect(problem?.code).toBe('dicomweb-timeout');
    expect(problem?.reason).toBe('the PACS stopped sending the test body: nothing came for 0 s');
    // Two chunks (~200 ms), then the timeout: well before the trickle's 1.2 s would end.
    expect(elapsed).toBeGreaterThanOrEqual(2 * TICK + TIMEOUT - 20);
    expect(elapsed).toBeLessThan(2 * TICK + TIMEOUT + 600);
  });

  it('cuts a server that never answers', async () => {
    const client = dicomwebClient({ baseUrl: origin, timeoutMs: TIMEOUT }, http);
    const t0 = performance.now();
    const problem = await request(client, '/silent', 'the test search').then(
      () => undefined,
      (e: unknown) => problemOf(e, 'x'),
    );
    expect(problem?.code).toBe('dicomweb-timeout');
    expect(problem?.reason).toBe('the PACS did not answer the test search within 0 s');
    expect(performance.now() - t0).toBeLessThan(TIMEOUT + 600);
  });
});

// The CLI's HTTP transport against real local servers: every way an HTTP/1.x answer may frame its
// body (Content-Length, chunked, until the connection ends) gives the
// status, headers and bytes sent, bodies of several MB included, and a broken answer or a refused
// connection fails with the errors the DICOMweb client expects.
import { createServer as createHttpServer, type Server } from 'node:http';
import {
  createServer as createNetServer,
  type AddressInfo,
  type Server as NetServer,
} from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../core/dicomweb/http.ts';
import { nodeHttpTransport } from './nodeHttpTransport.ts';

/** Deterministic bytes (every value, CR and LF included). */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

const big = bytes(9_000_000, 1); // past two of undici's 4 MiB high-water marks
const small = bytes(70_000, 2);
let httpServer: Server;
let rawServer: NetServer;
let httpOrigin = '';
let rawOrigin = '';

/** Raw answers, written by hand: framings node:http's server would not choose by itself. */
const raw: Record<string, Buffer[]> = {
  '/close': [
    Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: a/b\r\nConnection: close\r\n\r\n'),
    Buffer.from(small),
  ],
  '/twice': [
    Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 70000\r\n'),
    Buffer.from('X-Twice: 1\r\nX-Twice: 2\r\n\r\n'),
    Buffer.from(small),
  ],
  '/http10': [Buffer.from('HTTP/1.0 404 Not Found\r\n\r\nno such thing')],
  '/garbage': [Buffer.from('SSH-2.0-OpenSSH\r\n\r\n')],
  '/short': [Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n12345')],
};

beforeAll(async () => {
  httpServer = createHttpServer((req, res) => {
    if (req.url === '/length') {
      res.writeHead(200, { 'Content-Type': 'application/dicom', 'Content-Length': big.length });
      res.end(big);
    } else if (req.url === '/chunked') {
      res.writeHead(200, { 'Content-Type': 'multipart/related; boundary=x' });
      // Writes of several sizes, each its own chunk.
      for (let at = 0, k = 0; at < big.length; k++) {
        const n = [1, 100_000, 7, 700_000][k % 4];
        res.write(big.subarray(at, at + n));
        at += n;
      }
      res.end();
    } else if (req.url === '/empty') {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end(`no ${req.url} here; accept ${req.headers.accept}`);
    }
  });
  rawServer = createNetServer((socket) => {
    socket.on('error', () => {}); // a client that gives up on a broken answer resets it
    socket.once('data', (d) => {
      const path = d.toString('latin1').split(' ')[1];
      for (const b of raw[path] ?? []) socket.write(b);
      socket.end();
    });
  });
  await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', done));
  await new Promise<void>((done) => rawServer.listen(0, '127.0.0.1', done));
  httpOrigin = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  rawOrigin = `http://127.0.0.1:${(rawServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => httpServer.close(done));
  await new Promise((done) => rawServer.close(done));
});

const get: HttpRequest = { method: 'GET', headers: { Accept: 'x/y' }, timeoutMs: 5000 };

async function body(answer: HttpResponse): Promise<Uint8Array> {
  return new Uint8Array(await answer.arrayBuffer());
}

describe('a GET through the CLI transport', () => {
  it('reads a Content-Length body and a chunked one, each of several MB', async () => {
    for (const path of ['/length', '/chunked']) {
      const answer = await nodeHttpTransport(`${httpOrigin}${path}`, get);
      expect(answer.status).toBe(200);
      expect(Buffer.from(await body(answer)).equals(Buffer.from(big))).toBe(true);
    }
    const chunked = await nodeHttpTransport(`${httpOrigin}/chunked`, get);
    expect(chunked.headers.get('Content-Type')).toBe('multipart/related; boundary=x');
    expect(chunked.headers.get('content-length')).toBeNull();
  });

  it('streams the body in pieces, in order', async () => {
    const answer = await nodeHttpTransport(`${httpOrigin}/length`, get);
    const reader = answer.body?.getReader();
    const pieces: Uint8Array[] = [];
    for (let next = await reader!.read(); !next.done; next = await reader!.read())
      pieces.push(next.value!);
    expect(Buffer.concat(pieces).equals(Buffer.from(big))).toBe(true);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
  });

  it('reads a body that ends with the connection, and a header sent twice', async () => {
    const closed = await nodeHttpTransport(`${rawOrigin}/close`, get);
    expect(closed.headers.get('content-type')).toBe('a/b');
    expect(Buffer.from(await body(closed)).equals(Buffer.from(small))).toBe(true);
    const after = await nodeHttpTransport(`${rawOrigin}/twice`, get);
    expect(after.status).toBe(200);
    expect(after.headers.get('x-twice')).toBe('1, 2');
    expect(Buffer.from(await body(after)).equals(Buffer.from(small))).toBe(true);
  });

  it('passes on a refusal, an HTTP/1.0 answer and an empty one as they are', async () => {
    const missing = await nodeHttpTransport(`${httpOrigin}/nothing?x=1`, get);
    expect(missing.status).toBe(404);
    expect(new TextDecoder().decode(await body(missing))).toBe('no /nothing?x=1 here; accept x/y');
    const old = await nodeHttpTransport(`${rawOrigin}/http10`, get);
    expect(old.status).toBe(404);
    expect(new TextDecoder().decode(await body(old))).toBe('no such thing');
    const empty = await nodeHttpTransport(`${httpOrigin}/empty`, get);
    expect(empty.status).toBe(204);
    expect((await body(empty)).length).toBe(0);
  });

  it('fails as fetch does on a refused connection, a non-HTTP answer, and a cut body', async () => {
    // A port just freed: nothing listens there.
    const gone = createNetServer();
    await new Promise<void>((done) => gone.listen(0, '127.0.0.1', done));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((done) => gone.close(done));
    const closedPort = `http://127.0.0.1:${port}`;
    await expect(nodeHttpTransport(`${closedPort}/x`, get)).rejects.toThrow('fetch failed');
    await expect(nodeHttpTransport(`${rawOrigin}/garbage`, get)).rejects.toThrow('fetch failed');
    const short = await nodeHttpTransport(`${rawOrigin}/short`, get);
    await expect(short.arrayBuffer()).rejects.toThrow(/closed before the body ended/);
  });

  it('refuses a header value that would start another line', async () => {
    const bad = { ...get, headers: { Authorization: 'Bearer x\r\nX-Evil: 1' } };
    await expect(nodeHttpTransport(`${httpOrigin}/length`, bad)).rejects.toThrow(/header/i);
  });
});

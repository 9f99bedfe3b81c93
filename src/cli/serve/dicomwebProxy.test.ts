// The proxy's answer for a PACS name it does not serve reaches the user as a set-up message
// (which server, how to configure it), not as the PACS's "no such object".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport, type PlatformFetch } from '../../core/dicomweb/fetchTransport.ts';
import { dicomwebClient } from '../../core/dicomweb/http.ts';
import { searchStudies } from '../../core/dicomweb/qido.ts';
import { problemOf } from '../../core/result.ts';
import { serverName } from './dicomwebProxy.ts';
import { pacsServers } from './pacsServers.ts';
import { consiliumServer } from './server.ts';

let app: Server;
let origin = '';

beforeAll(async () => {
  app = consiliumServer({ root: tmpdir(), pacs: pacsServers(['main=http://127.0.0.1:9']) });
  await new Promise<void>((done) => app.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(() => app.close());

describe('an unconfigured PACS name', () => {
  it('is named in the answer, and the client says how to configure it', async () => {
    const answer = await fetch(`${origin}/dicom-web/research/studies?PatientID=1`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-consilium-unknown-pacs')).toBe('research');
    expect(await answer.text()).toMatch(/No PACS named "research".*--pacs research=URL/);
    const client = dicomwebClient(
      { baseUrl: `${origin}/dicom-web/research` },
      fetchTransport(fetch as unknown as PlatformFetch, AbortSignal),
    );
    const problem = await searchStudies(client, {}).then(
      () => undefined,
      (e: unknown) => problemOf(e, 'x'),
    );
    expect(problem?.code).toBe('dicomweb-unknown-server');
    expect(problem?.params).toEqual({ name: 'research' });
    expect(problem?.reason).toMatch(
      /^the server of this page serves no PACS named "research"; start it with --pacs research=URL/,
    );
  });

  it('keeps only a plain name from the path', () => {
    expect(serverName('/dicom-web/a%0d%0aX: y/studies')).toBe('a0d0aXy');
    expect(serverName('/dicom-web/orthanc?x=1')).toBe('orthanc');
  });
});

describe('a proxied answer', () => {
  it('passes the PACS bytes and content type, never its cookies, and is not cached', async () => {
    const pacs = createServer((_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/dicom+json',
        'Set-Cookie': 'session=secret',
        'Cache-Control': 'max-age=3600',
      });
      res.end('[{"0020000D":{"vr":"UI","Value":["1.2.3"]}}]');
    });
    await new Promise<void>((done) => pacs.listen(0, '127.0.0.1', done));
    const proxy = consiliumServer({
      root: tmpdir(),
      pacs: pacsServers([`pacs=http://127.0.0.1:${(pacs.address() as AddressInfo).port}`]),
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    try {
      const port = (proxy.address() as AddressInfo).port;
      const answer = await fetch(`http://127.0.0.1:${port}/dicom-web/pacs/studies`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/dicom+json');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('set-cookie')).toBeNull();
      expect(await answer.text()).toBe('[{"0020000D":{"vr":"UI","Value":["1.2.3"]}}]');
    } finally {
      proxy.close();
      pacs.close();
    }
  });
});

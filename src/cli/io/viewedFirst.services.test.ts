// The one-request series read (core/dicomweb/viewedFirst.ts) against a real Orthanc
// (scripts/services/services.sh) through the CLI's transport: a generated series stored by
// STOW-RS comes back whole, byte for byte, instance number 1 first and taken from the series
// answer itself (Orthanc streams a series in instance order), so no instance is asked for twice.
import { describe, expect, it } from 'vitest';
import { makeDemoSeries } from '../../core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../../core/dicom/parse.ts';
import { dicomwebClient, type HttpFetch } from '../../core/dicomweb/http.ts';
import { part10Meta } from '../../core/dicomweb/part10Meta.ts';
import { storeInstances } from '../../core/dicomweb/stow.ts';
import { viewedFirst } from '../../core/dicomweb/viewedFirst.ts';
import { nodeHttpTransport } from './nodeHttpTransport.ts';

const base = `${process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043'}/dicom-web`;

describe('viewedFirst against Orthanc', () => {
  it('reads the series in one request, instance number 1 first, every instance unchanged', async () => {
    const asked: string[] = [];
    const counting: HttpFetch = (url, request) => {
      asked.push(url);
      return nodeHttpTransport(url, request);
    };
    const client = dicomwebClient({ baseUrl: base }, counting);
    const demo = makeDemoSeries({ slices: 8, size: 64 });
    await storeInstances(
      client,
      demo.map((d) => d.bytes),
    );
    const first = parseInstance(demo[0].bytes, demo[0].name);
    if (!first.ok) throw new Error(first.error.reason);
    const ref = {
      studyInstanceUid: first.meta.studyInstanceUID,
      seriesInstanceUid: first.meta.seriesInstanceUID,
    };
    asked.length = 0;
    const got = [];
    for await (const i of viewedFirst(client, ref)) got.push(i);
    const bySop = new Map(demo.map((d) => [part10Meta(d.bytes).sopInstanceUid, d.bytes]));
    expect(got).toHaveLength(demo.length);
    expect(new Set(got.map((i) => i.sopInstanceUid)).size).toBe(demo.length);
    for (const i of got) expect(i.bytes).toEqual(bySop.get(i.sopInstanceUid));
    expect(got[0].viewed).toBe(true);
    expect(got[0].instanceNumber).toBe(1);
    expect(got[0].sopInstanceUid).toBe(part10Meta(demo[0].bytes).sopInstanceUid);
    expect(got.slice(1).every((i) => !i.viewed)).toBe(true);
    // The series answer and at most the QIDO beside it: no instance by itself.
    expect(asked.filter((u) => /\/instances\/[^?]/.test(u))).toEqual([]);
  });
});

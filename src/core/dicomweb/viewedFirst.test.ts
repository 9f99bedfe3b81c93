// The series with its viewed slice first, against a PACS faked at the HTTP level with real Part
// 10 demo slices framed as Orthanc frames a series answer: the slice QIDO names comes first,
// from the series answer itself when it is its first part (no second download) and by itself
// when it is not (then skipped in the answer), every instance exactly once, bytes unchanged.
import { describe, expect, it } from 'vitest';
import { demoSliceFile, newDemoContext } from '../dicom/demo/demoSeries.ts';
import { dicomwebClient, type HttpFetch, type HttpResponse } from './http.ts';
import { writeMultipart } from './multipart.ts';
import { part10Meta } from './part10Meta.ts';
import { viewedFirst, type SeriesInstance } from './viewedFirst.ts';

const boundary = 'orthanc-series-1';
const ref = { studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.3.4' };
const base = 'http://pacs.test/dicom-web';

function slices(n: number): { sop: string; bytes: Uint8Array }[] {
  const ctx = newDemoContext({ slices: n, size: 32 });
  return Array.from({ length: n }, (_, k) => {
    const bytes = demoSliceFile(ctx, k).bytes;
    return { sop: part10Meta(bytes).sopInstanceUid as string, bytes };
  });
}

function answer(status: number, contentType: string, body: Uint8Array, chunk = 5000) {
  let at = 0;
  const state = { cancelled: false };
  const response: HttpResponse = {
    status,
    headers: { get: (name) => (name.toLowerCase() === 'content-type' ? contentType : null) },
    arrayBuffer: async () => body.slice().buffer,
    body: {
      getReader: () => ({
        read: async () => {
          if (at >= body.length) return { done: true };
          const value = body.slice(at, at + chunk);
          at += chunk;
          return { done: false, value };
        },
        cancel: async () => {
          state.cancelled = true;
        },
      }),
    },
  };
  return { response, state };
}

/**
 * A PACS holding `files` (instance number k + 1 for files[k]) that sends the series answer in
 * the order `order` (indexes into files); `qidoStatus` other than 200 fails the QIDO.
 */
function pacs(
  files: { sop: string; bytes: Uint8Array }[],
  order: number[],
  qidoStatus: number | 'never' = 200,
  instanceStatus = 200,
) {
  const asked: string[] = [];
  const series: { cancelled: boolean }[] = [];
  const mp = (bodies: Uint8Array[]) =>
    writeMultipart(
      bodies.map((body) => ({ contentType: 'application/dicom', body })),
      boundary,
    );
  const type = `multipart/related; type="application/dicom"; boundary=${boundary}`;
  const http: HttpFetch = async (url) => {
    const path = url.slice(base.length);
    asked.push(path);
    const instances = `/studies/${ref.studyInstanceUid}/series/${ref.seriesInstanceUid}/instances`;
    if (path.startsWith(`${instances}?`)) {
      if (qidoStatus === 'never') return new Promise<never>(() => undefined);
      const json = JSON.stringify([
        {
          '00080018': { vr: 'UI', Value: [files[0].sop] },
          '00200013': { vr: 'IS', Value: [1] },
        },
      ]);
      return answer(qidoStatus, 'application/dicom+json', new TextEncoder().encode(json)).response;
    }
    if (path.startsWith(`${instances}/`)) {
      const sop = path.slice(instances.length + 1);
      const file = files.find((f) => f.sop === sop);
      if (!file || instanceStatus !== 200)
        return answer(file ? instanceStatus : 404, 'text/plain', new Uint8Array(0)).response;
      return answer(200, type, mp([file.bytes])).response;
    }
    const a = answer(200, type, mp(order.map((k) => files[k].bytes)));
    series.push(a.state);
    return a.response;
  };
  return { client: dicomwebClient({ baseUrl: base }, http), asked, series };
}

async function all(gen: AsyncGenerator<SeriesInstance>): Promise<SeriesInstance[]> {
  const out: SeriesInstance[] = [];
  for await (const i of gen) out.push(i);
  return out;
}

const instanceRequests = (asked: string[]) => asked.filter((p) => /\/instances\/[^?]/.test(p));

describe('viewedFirst', () => {
  it('takes the viewed slice from the series answer when it is its first part: one download each', async () => {
    const files = slices(5);
    const { client, asked } = pacs(files, [0, 1, 2, 3, 4]);
    const got = await all(viewedFirst(client, ref));
    expect(got.map((i) => i.sopInstanceUid)).toEqual(files.map((f) => f.sop));
    expect(got.map((i) => i.viewed)).toEqual([true, false, false, false, false]);
    expect(got[0].instanceNumber).toBe(1);
    got.forEach((g, k) => expect([...g.bytes]).toEqual([...files[k].bytes]));
    expect(instanceRequests(asked)).toEqual([]);
  });

  it('asks for the viewed slice by itself when the answer does not start with it, and skips it there', async () => {
    const files = slices(5);
    const { client, asked } = pacs(files, [2, 4, 0, 1, 3]);
    const got = await all(viewedFirst(client, ref));
    expect(got.map((i) => i.sopInstanceUid)).toEqual([0, 2, 4, 1, 3].map((k) => files[k].sop));
    expect(got.map((i) => i.viewed)).toEqual([true, false, false, false, false]);
    const bySop = new Map(files.map((f) => [f.sop, f.bytes]));
    for (const g of got) expect([...g.bytes]).toEqual([...(bySop.get(g.sopInstanceUid!) ?? [])]);
    expect(instanceRequests(asked)).toHaveLength(1);
  });

  it('shows the answer first part first when the slice asked for by itself fails, and loses no instance', async () => {
    const files = slices(4);
    const { client, asked } = pacs(files, [2, 0, 1, 3], 200, 500);
    const got = await all(viewedFirst(client, ref));
    expect(got.map((i) => i.sopInstanceUid)).toEqual([2, 0, 1, 3].map((k) => files[k].sop));
    expect(got.map((i) => i.viewed)).toEqual([true, false, false, false]);
    expect(instanceRequests(asked)).toHaveLength(1);
  });

  it('shows the answer first part first when the QIDO fails, and loses no instance', async () => {
    const files = slices(4);
    const { client } = pacs(files, [3, 2, 1, 0], 500);
    const got = await all(viewedFirst(client, ref));
    expect(got.map((i) => i.sopInstanceUid)).toEqual([3, 2, 1, 0].map((k) => files[k].sop));
    expect(got[0].viewed).toBe(true);
    expect(got[0].instanceNumber).toBeUndefined();
  });

  it('hands on a first part that is instance number 1 by its header without waiting for the QIDO', async () => {
    const files = slices(3);
    const { client } = pacs(files, [0, 1, 2], 'never');
    const got = await all(viewedFirst(client, ref));
    expect(got.map((i) => i.sopInstanceUid)).toEqual(files.map((f) => f.sop));
    expect(got.map((i) => [i.viewed, i.instanceNumber])).toEqual([
      [true, 1],
      [false, undefined],
      [false, undefined],
    ]);
  });

  it('frees the series answer when the consumer stops early', async () => {
    const files = slices(6);
    const { client, series } = pacs(files, [0, 1, 2, 3, 4, 5]);
    for await (const i of viewedFirst(client, ref)) if (!i.viewed) break;
    expect(series).toHaveLength(1);
    expect(series[0].cancelled).toBe(true);
  });
});

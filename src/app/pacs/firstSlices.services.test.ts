// The study-level first-slice query (firstSlices.ts) against a real Orthanc
// (scripts/services/services.sh): instance number 1 of the series is named by one QIDO for the
// whole study, and the shown slice is then that instance alone, byte for byte; a series the
// answer does not name falls back to the series-level QIDO.
import { describe, expect, it } from 'vitest';
import { makeDemoSeries } from '../../core/dicom/demo/demoSeries.ts';
import { dicomwebClient, type HttpFetch } from '../../core/dicomweb/http.ts';
import { parseInstance } from '../../core/dicom/parse.ts';
import { storeInstances } from '../../core/dicomweb/stow.ts';
import { nodeHttpTransport } from '../../cli/io/nodeHttpTransport.ts';
import { firstOfEachSeries, shownSlice } from './firstSlices.ts';

const base = `${process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043'}/dicom-web`;

describe('firstSlices against Orthanc', () => {
  it('names instance number 1 by one study-level QIDO and fetches only that instance', async () => {
    const asked: string[] = [];
    const counting: HttpFetch = (url, request) => {
      asked.push(url);
      return nodeHttpTransport(url, request);
    };
    const client = dicomwebClient({ baseUrl: base }, counting);
    const demo = makeDemoSeries({ slices: 6, size: 32 });
    // Stored last slice first, so the PACS's own order does not make instance 1 come first.
    await storeInstances(
      client,
      [...demo].reverse().map((d) => d.bytes),
    );
    const first = parseInstance(demo[0].bytes, demo[0].name);
    if (!first.ok) throw new Error(first.error.reason);
    const meta = first.meta;
    const ref = {
      studyInstanceUid: meta.studyInstanceUID,
      seriesInstanceUid: meta.seriesInstanceUID,
    };
    asked.length = 0;
    const firsts = await firstOfEachSeries(client, ref.studyInstanceUid);
    expect([...firsts.keys()]).toEqual([ref.seriesInstanceUid]);
    expect(firsts.get(ref.seriesInstanceUid)?.sopInstanceUid).toBe(meta.sopInstanceUID);
    const shown = await shownSlice(client, ref, firsts);
    expect(shown?.bytes).toEqual(demo[0].bytes);
    expect(shown?.instanceNumber).toBe(1);
    // The study-level QIDO and the instance: no series-level QIDO between them.
    expect(asked).toHaveLength(2);
    expect(asked[0]).toContain(`/studies/${ref.studyInstanceUid}/instances?InstanceNumber=1`);

    asked.length = 0;
    const fallback = await shownSlice(client, ref, new Map());
    expect(fallback?.sopInstanceUid).toBe(meta.sopInstanceUID);
    expect(asked[0]).toContain(`/series/${ref.seriesInstanceUid}/instances?InstanceNumber=1`);
  });
});

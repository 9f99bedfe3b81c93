// Generates the demo study off the UI thread; the files come back as Blobs, like dropped files.
import * as Comlink from 'comlink';
import { makeDemoSeries, type DemoSeriesOptions } from '../core/dicom/demo/demoSeries.ts';
import { attempt, type Result } from '../core/result.ts';

const api = {
  demoSeries(options: DemoSeriesOptions): Promise<Result<{ name: string; blob: Blob }[]>> {
    return attempt(
      () =>
        makeDemoSeries(options).map((f) => ({
          name: f.name,
          blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: 'application/dicom' }),
        })),
      'demo-failed',
    );
  },
};

export type DemoApi = typeof api;
Comlink.expose(api);

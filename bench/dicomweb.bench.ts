// `npm run bench -- dicomweb`: a 200-slice 512×512 CT from Orthanc on loopback (ORTHANC_URL,
// scripts/services/services.sh) against the same series from local files, and against the
// PACS's own bulk retrieval of the series (curl of the WADO-RS series endpoint) as the floor.
// Time to first image: the first slice's bytes in hand, parsed and decoded to HU; whole series:
// every slice so. Two PACS paths: the CLI's (the first slice by itself while the series comes in
// one WADO-RS request) and the workbench's (series metadata, then each instance's frames in
// their stored syntax, 6 in flight, made Part 10).
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { numberOf, tags, textOf } from '../src/core/dicomweb/dicomJson.ts';
import { fetchTransport, type PlatformFetch } from '../src/core/dicomweb/fetchTransport.ts';
import { dicomwebClient } from '../src/core/dicomweb/http.ts';
import { getDataSets } from '../src/core/dicomweb/json.ts';
import { inOrder, retrieveInstance } from '../src/core/dicomweb/retrieve.ts';
import { storeInstances } from '../src/core/dicomweb/stow.ts';
import {
  seriesMetadata,
  seriesPath,
  storedInstance,
  storedSeries,
} from '../src/core/dicomweb/wado.ts';
import { writeDemoFiles } from './demoFiles.ts';
import { report } from './report.ts';

const SLICES = 200;
const SIZE = 512;
const REPEATS = 3;
const orthanc = `${process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043'}/dicom-web`;

async function decoded(bytes: Uint8Array, file: string): Promise<void> {
  const parsed = parseInstance(bytes, file);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.reason}`);
  await decodeFrame(bytes, parsed.meta, 0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
}

export async function run(): Promise<void> {
  const client = dicomwebClient(
    { baseUrl: orthanc, timeoutMs: 300_000 },
    fetchTransport(fetch as unknown as PlatformFetch, AbortSignal),
  );
  try {
    await client.http(`${orthanc}/studies?limit=1`, {
      method: 'GET',
      headers: {},
      timeoutMs: 5000,
    });
  } catch {
    report({
      bench: 'dicomweb',
      skipped: `no Orthanc at ${orthanc} (source scripts/services/services.sh && start_orthanc)`,
    });
    return;
  }
  const { files, bytes } = writeDemoFiles(SLICES, SIZE);
  const local = await Promise.all(files.map((f) => readFile(f)));
  for (let k = 0; k < local.length; k += 20)
    await storeInstances(
      client,
      local.slice(k, k + 20).map((b) => new Uint8Array(b)),
    );
  const first = parseInstance(new Uint8Array(local[0]), files[0]);
  if (!first.ok) throw new Error(first.error.reason);
  const ref = {
    studyInstanceUid: first.meta.studyInstanceUID,
    seriesInstanceUid: first.meta.seriesInstanceUID,
  };
  const figures: Record<string, number[]> = {};
  const add = (name: string, ms: number) => (figures[name] ??= []).push(ms);

  for (let r = 0; r < REPEATS; r++) {
    // Local files: read, parse, decode, in name (slice) order.
    let t0 = performance.now();
    for (let k = 0; k < files.length; k++) {
      await decoded(new Uint8Array(await readFile(files[k])), files[k]);
      if (k === 0) add('local_first_image_ms', performance.now() - t0);
    }
    add('local_series_ms', performance.now() - t0);

    // The CLI's path: the first slice by itself while the whole series comes in one request.
    t0 = performance.now();
    const bulk = storedSeries(client, ref);
    const list = await getDataSets(client, `${seriesPath(ref)}/instances`, 'the instance list');
    const firstSop = list
      .map((d) => ({
        sop: textOf(d, tags.sopInstanceUid),
        n: numberOf(d, tags.instanceNumber) ?? 0,
      }))
      .sort((a, b) => a.n - b.n)[0].sop;
    await decoded(await storedInstance(client, ref, firstSop), firstSop);
    add('pacs_first_image_ms', performance.now() - t0);
    for (const f of await bulk) await decoded(f.bytes, f.file);
    add('pacs_series_ms', performance.now() - t0);

    // The workbench's path: series metadata, then each instance's frames.
    t0 = performance.now();
    const metas = (await seriesMetadata(client, ref)).sort(
      (a, b) => (numberOf(a, tags.instanceNumber) ?? 0) - (numberOf(b, tags.instanceNumber) ?? 0),
    );
    let k = 0;
    for await (const file of inOrder(metas, 6, (m) => retrieveInstance(client, ref, m))) {
      await decoded(file, textOf(metas[k], tags.sopInstanceUid));
      if (k++ === 0) add('frames_first_image_ms', performance.now() - t0);
    }
    add('frames_series_ms', performance.now() - t0);

    // The floor: the PACS's own bulk retrieval of the series, as curl receives it.
    t0 = performance.now();
    const curl = spawnSync('curl', [
      '-sf',
      '-o',
      '/dev/null',
      '-H',
      'Accept: multipart/related; type="application/dicom"; transfer-syntax=*',
      `${orthanc}${seriesPath(ref)}`,
    ]);
    if (curl.status !== 0) throw new Error(`curl failed: ${curl.stderr}`);
    add('curl_series_ms', performance.now() - t0);
  }
  const m = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, median(v)]));
  const common = {
    bench: 'dicomweb',
    slices: SLICES,
    size: SIZE,
    mb: Math.round(bytes / 1e6),
    repeats: REPEATS,
  };
  report({
    ...common,
    figure: 'first image',
    local_ms: m.local_first_image_ms,
    pacs_ms: m.pacs_first_image_ms,
    pacs_frames_ms: m.frames_first_image_ms,
    ratio_to_local: +(m.pacs_first_image_ms / m.local_first_image_ms).toFixed(2),
    goal: '<= 1.5',
  });
  report({
    ...common,
    figure: 'whole series',
    local_ms: m.local_series_ms,
    pacs_ms: m.pacs_series_ms,
    pacs_frames_ms: m.frames_series_ms,
    curl_floor_ms: m.curl_series_ms,
    ratio_to_floor: +(m.pacs_series_ms / m.curl_series_ms).toFixed(2),
    goal: '<= 1.2',
  });
}

// `npm run bench -- dicomweb`: a 200-slice 512×512 CT from Orthanc on loopback (ORTHANC_URL,
// scripts/services/services.sh) against the same series from local files, and against the
// PACS's own bulk retrieval of the series (curl of the WADO-RS series endpoint) as the floor.
// First image: the first slice's bytes in hand, parsed and decoded to HU. Whole series: every
// slice's bytes in hand and parsed (what the study index needs to show any slice; the floor,
// curl, only receives the bytes, so decoding every slice would measure the decoder, not the
// transfer: local files' decode of all slices is printed beside it). The workbench's path: the
// viewed slice by itself (QIDO for instance 1, that instance), then the series in one WADO-RS
// request read as it arrives, each instance parsed as its part completes. The CLI's path: the
// series streamed the same way, no slice asked first.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { nodeHttpTransport } from '../src/cli/io/nodeHttpTransport.ts';
import { dicomwebClient } from '../src/core/dicomweb/http.ts';
import { retrieveStudy } from '../src/core/dicomweb/retrieve.ts';
import { storeInstances } from '../src/core/dicomweb/stow.ts';
import { viewedSlice } from '../src/core/dicomweb/viewedSlice.ts';
import { seriesPath, streamedSeries } from '../src/core/dicomweb/wado.ts';
import { writeDemoFiles } from './demoFiles.ts';
import { report } from './report.ts';

const SLICES = 200;
const SIZE = 512;
const REPEATS = 3;
const orthanc = `${process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043'}/dicom-web`;

function parsed(bytes: Uint8Array, file: string) {
  const p = parseInstance(bytes, file);
  if (!p.ok) throw new Error(`${file}: ${p.error.reason}`);
  return p.meta;
}

async function decoded(bytes: Uint8Array, file: string): Promise<void> {
  await decodeFrame(bytes, parsed(bytes, file), 0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
}

export async function run(): Promise<void> {
  const client = dicomwebClient({ baseUrl: orthanc, timeoutMs: 300_000 }, nodeHttpTransport);
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
    // Local files: read and parse in name (slice) order, the first one decoded as it is shown.
    let t0 = performance.now();
    for (let k = 0; k < files.length; k++) {
      const bytes = new Uint8Array(await readFile(files[k]));
      if (k === 0) {
        await decoded(bytes, files[k]);
        add('local_first_image_ms', performance.now() - t0);
      } else parsed(bytes, files[k]);
    }
    add('local_series_ms', performance.now() - t0);
    t0 = performance.now();
    for (const f of files) await decoded(new Uint8Array(await readFile(f)), f);
    add('local_decoded_ms', performance.now() - t0);

    // The workbench's path: the viewed slice first, then the series as it arrives.
    t0 = performance.now();
    const first = await viewedSlice(client, ref);
    if (!first) throw new Error('the PACS lists no instance of the series');
    await decoded(first.bytes, first.sopInstanceUid);
    add('pacs_first_image_ms', performance.now() - t0);
    let count = 1;
    for await (const f of streamedSeries(client, ref)) {
      if (f.sopInstanceUid === first.sopInstanceUid) continue;
      parsed(f.bytes, f.file);
      count++;
    }
    if (count !== SLICES) throw new Error(`the workbench path gave ${count} slices`);
    add('pacs_series_ms', performance.now() - t0);

    // The CLI's path: the series streamed, no slice asked first.
    t0 = performance.now();
    count = 0;
    for await (const f of retrieveStudy(client, ref.studyInstanceUid, {
      seriesInstanceUid: ref.seriesInstanceUid,
      bulk: true,
    })) {
      if (!f.ok) throw new Error(f.error.reason);
      if (count++ === 0) {
        await decoded(f.value.bytes, f.value.file);
        add('cli_first_image_ms', performance.now() - t0);
      } else parsed(f.value.bytes, f.value.file);
    }
    if (count !== SLICES) throw new Error(`the CLI path gave ${count} slices`);
    add('cli_series_ms', performance.now() - t0);

    // The same series request with nothing done to the parts: the client's own transfer cost.
    t0 = performance.now();
    count = 0;
    for await (const f of streamedSeries(client, ref)) count += f.bytes.length > 0 ? 1 : 0;
    if (count !== SLICES) throw new Error(`the series request gave ${count} slices`);
    add('pacs_received_ms', performance.now() - t0);

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
    cli_ms: m.cli_first_image_ms,
    ratio_to_local: +(m.pacs_first_image_ms / m.local_first_image_ms).toFixed(2),
    goal: '<= 1.5',
  });
  report({
    ...common,
    figure: 'whole series parsed',
    local_ms: m.local_series_ms,
    pacs_ms: m.pacs_series_ms,
    cli_ms: m.cli_series_ms,
    curl_floor_ms: m.curl_series_ms,
    pacs_received_ms: m.pacs_received_ms,
    received_ratio_to_floor: +(m.pacs_received_ms / m.curl_series_ms).toFixed(2),
    local_all_decoded_ms: m.local_decoded_ms,
    ratio_to_floor: +(m.pacs_series_ms / m.curl_series_ms).toFixed(2),
    cli_ratio_to_floor: +(m.cli_series_ms / m.curl_series_ms).toFixed(2),
    goal: '<= 1.2',
  });
}

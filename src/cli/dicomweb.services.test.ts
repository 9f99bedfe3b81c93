// The DICOMweb client against a real Orthanc (scripts/services/services.sh): the shared corpus
// and a generated series stored by STOW-RS, found by QIDO-RS, and read back by WADO-RS frames
// in their stored syntax, decoded by our codecs to the same values as the local files.
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame } from '../core/dicom/decode.ts';
import { makeDemoSeries } from '../core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import { request } from '../core/dicomweb/http.ts';
import { searchStudies } from '../core/dicomweb/qido.ts';
import { retrieveInstance, retrieveStudy } from '../core/dicomweb/retrieve.ts';
import { storeInstances } from '../core/dicomweb/stow.ts';
import { seriesMetadata, storedInstance } from '../core/dicomweb/wado.ts';
import { allSeries } from '../core/dicomweb/qido.ts';
import { measurementReport } from '../core/bundle/sr/measurementReport.ts';
import { sampleReportInput } from '../core/bundle/sr/sampleReport.ts';
import { writeReport } from '../core/bundle/sr/writeReport.ts';
import { newUid } from '../core/dicom/demo/uid.ts';
import { problemOf } from '../core/result.ts';
import { importCollaborationKey } from '../core/crypto/hmac.ts';
import { secretFileBytes } from '../core/crypto/secret.ts';
import { pseudonymousKey, pseudonymousUid } from '../core/deid/pseudonym.ts';
import { nodeDicomwebClient } from './io/dicomwebInputs.ts';

const orthanc = process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043';
const base = `${orthanc}/dicom-web`;
const corpus = join(import.meta.dirname, '../../../shared/data/dicom');
const client = nodeDicomwebClient(base);

interface Stored {
  file: string;
  bytes: Uint8Array;
  study: string;
  series: string;
  sop: string;
}

const stored: Stored[] = [];
const refused: { file: string; code: string }[] = [];

async function corpusFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await corpusFiles(path)));
    else if (!/\.(md|tsv)$/.test(e.name)) out.push(path);
  }
  return out.sort();
}

function uidsOf(url: string): { study: string; series: string; sop: string } {
  const m = /\/studies\/([^/]+)\/series\/([^/]+)\/instances\/([^/]+)$/.exec(url);
  if (!m) throw new Error(`not an instance URL: ${url}`);
  return { study: m[1], series: m[2], sop: m[3] };
}

async function store(file: string, bytes: Uint8Array): Promise<void> {
  try {
    const answer = await storeInstances(client, [bytes]);
    stored.push({ file, bytes, ...uidsOf(answer.retrieveUrls[0]) });
  } catch (e) {
    refused.push({ file, code: problemOf(e, 'failed').code });
  }
}

const demo = makeDemoSeries({ slices: 6, size: 64 });

beforeAll(async () => {
  for (const file of await corpusFiles(corpus))
    await store(file, new Uint8Array(await readFile(file)));
  // The generated series in one STOW-RS request.
  const answer = await storeInstances(
    client,
    demo.map((d) => d.bytes),
  );
  answer.retrieveUrls.forEach((url, k) =>
    stored.push({ file: demo[k].name, bytes: demo[k].bytes, ...uidsOf(url) }),
  );
  console.log(`stored ${stored.length} instances; Orthanc refused ${refused.length}:`, refused);
});

describe('QIDO-RS', () => {
  it('finds every uploaded study by its UID, and pages through all of them', async () => {
    const studies = [...new Set(stored.map((s) => s.study))];
    expect(studies.length).toBeGreaterThan(20);
    for (const uid of studies) {
      const found = await searchStudies(client, { studyInstanceUid: uid });
      expect(found.items.map((s) => s.studyInstanceUid)).toEqual([uid]);
    }
    const paged: string[] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const found = await searchStudies(client, {}, { offset, limit: 7 });
      expect(found.items.length).toBeLessThanOrEqual(7);
      paged.push(...found.items.map((s) => s.studyInstanceUid));
      offset = found.nextOffset;
    }
    expect(new Set(paged).size).toBe(paged.length);
    for (const uid of studies) expect(paged).toContain(uid);
  });

  it('searches by patient name, modality and date range', async () => {
    const dated = stored
      .map((s) => parseInstance(s.bytes, s.file))
      .find((p) => p.ok && p.meta.patientName && /^\d{8}$/.test(p.meta.studyDate));
    if (!dated?.ok) throw new Error('no stored file has a patient name and a study date');
    const { patientName, studyDate, modality, studyInstanceUID } = dated.meta;
    // The family name as typed: the search finds names that start with it.
    const found = await searchStudies(client, {
      patientName: patientName.split('^')[0],
      modality,
      dateFrom: studyDate,
      dateTo: studyDate,
    });
    expect(found.items.map((s) => s.studyInstanceUid)).toContain(studyInstanceUID);
    const before = await searchStudies(client, {
      patientName: patientName.split('^')[0],
      dateTo: '19000102',
    });
    expect(before.items).toEqual([]);
  });
});

describe('WADO-RS', () => {
  it('gives every series the same decoded values as the local files', async () => {
    const compared: string[] = [];
    const mismatched: string[] = [];
    const seen = new Set<string>();
    for (const s of stored) {
      const local = parseInstance(s.bytes, s.file);
      // Orthanc keeps the first file of a SOP Instance UID; later copies are not what it holds.
      if (!local.ok || seen.has(s.sop)) continue;
      seen.add(s.sop);
      const metas = await seriesMetadata(client, {
        studyInstanceUid: s.study,
        seriesInstanceUid: s.series,
      });
      const meta = metas.find((m) => m['00080018']?.Value?.[0] === s.sop);
      expect(meta, s.file).toBeDefined();
      let bytes: Uint8Array;
      try {
        bytes = await retrieveInstance(
          client,
          { studyInstanceUid: s.study, seriesInstanceUid: s.series },
          meta!,
        );
      } catch (e) {
        mismatched.push(`${s.file}: ${problemOf(e, 'failed').reason}`);
        continue;
      }
      const remote = parseInstance(bytes, s.file);
      if (!remote.ok) {
        mismatched.push(`${s.file}: ${remote.error.reason}`);
        continue;
      }
      expect(remote.meta.frames, s.file).toBe(local.meta.frames);
      for (let f = 0; f < local.meta.frames; f++) {
        let want;
        try {
          want = await decodeFrame(s.bytes, local.meta, f);
        } catch {
          break; // the local file does not decode either (a broken corpus file)
        }
        const got = await decodeFrame(bytes, remote.meta, f).catch((e) => e as Error);
        if (got instanceof Error) {
          mismatched.push(`${s.file} frame ${f + 1}: ${got.message}`);
          break;
        }
        if (
          got.values.length !== want.values.length ||
          got.values.some((v, i) => v !== want.values[i])
        ) {
          mismatched.push(`${s.file} frame ${f + 1}: values differ`);
          break;
        }
      }
      compared.push(s.file);
    }
    console.log(`compared ${compared.length} instances`);
    // Orthanc 1.10 sends this implicit VR file transcoded, its Number of Frames "15" written as
    // "1A" (its frames it refuses with 400): the PACS's copy is damaged, and we say so.
    expect(mismatched).toEqual([
      expect.stringMatching(
        /rtdose_32bit_15frames_implicit\.dcm: the header is damaged: Number of Frames \(0028,0008\) is "1A"/,
      ),
    ]);
    expect(compared.length).toBeGreaterThan(60);
  });

  it('reads a whole study in order, every instance a parsable file', async () => {
    const study = stored.find((s) => s.file === demo[0].name)!.study;
    const files = [];
    for await (const r of retrieveStudy(client, study)) {
      expect(r.ok).toBe(true);
      if (r.ok) files.push(r.value);
    }
    expect(files).toHaveLength(demo.length);
    for (const f of files) expect(parseInstance(f.bytes, f.file).ok).toBe(true);
  });
});

/** A server in front of Orthanc that answers `status` for paths matching `fail`, or never. */
async function faultyProxy(
  fail: RegExp,
  status: number | 'hang',
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    if (fail.test(req.url ?? '')) {
      if (status === 'hang') return; // never answers
      res.writeHead(status).end('no');
      return;
    }
    const upstream = await fetch(orthanc + req.url, {
      headers: { accept: req.headers.accept ?? '*/*' },
    });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' });
    res.end(new Uint8Array(await upstream.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`, server };
}

describe('errors a person can act on', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('an unreachable server', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((done) => probe.close(done));
    const down = nodeDicomwebClient(`http://127.0.0.1:${port}/dicom-web`);
    const e = problemOf(await searchStudies(down, {}).catch((x) => x), 'none');
    expect(e.code).toBe('dicomweb-unreachable');
    expect(e.reason).toMatch(/cannot be reached \(ECONNREFUSED\)/);
  });

  it('401 and 403', async () => {
    for (const [status, code, words] of [
      [401, 'dicomweb-unauthorized', /needs a login/],
      [403, 'dicomweb-forbidden', /may not read it/],
    ] as const) {
      const proxy = await faultyProxy(/studies/, status);
      servers.push(proxy.server);
      const e = problemOf(
        await searchStudies(nodeDicomwebClient(proxy.url), {}).catch((x) => x),
        'none',
      );
      expect(e.code).toBe(code);
      expect(e.reason).toMatch(words);
    }
  });

  it("Orthanc's 500 for a JPEG 2000 frame asked for uncompressed", async () => {
    const s = stored.find((x) => x.file.endsWith('ct_JPEG2000.dcm'))!;
    const path = `/studies/${s.study}/series/${s.series}/instances/${s.sop}/frames/1`;
    const e = problemOf(
      await request(client, path, 'frame 1', {
        headers: { Accept: 'multipart/related; type="application/octet-stream"' },
      }).catch((x) => x),
      'none',
    );
    expect(e.code).toBe('dicomweb-server-error');
    expect(e.reason).toBe('the PACS failed while answering frame 1 (HTTP 500)');
  });

  it('a 500 on one frame costs that instance only; the rest of the study loads', async () => {
    const demoStored = stored.filter((x) => demo.some((d) => d.name === x.file));
    const broken = demoStored[2];
    // Both the frames and the whole instance fail, as on a PACS whose storage lost the file.
    const proxy = await faultyProxy(new RegExp(`instances/${broken.sop}`), 500);
    servers.push(proxy.server);
    const results = [];
    for await (const r of retrieveStudy(nodeDicomwebClient(proxy.url), broken.study))
      results.push(r);
    expect(results.filter((r) => r.ok)).toHaveLength(demo.length - 1);
    const failed = results.filter((r) => !r.ok);
    expect(failed).toHaveLength(1);
    if (!failed[0].ok) {
      expect(failed[0].error.code).toBe('dicomweb-server-error');
      expect(failed[0].error.params.file).toContain(broken.sop);
    }
  });

  it('a timeout', async () => {
    const proxy = await faultyProxy(/studies/, 'hang');
    servers.push(proxy.server);
    const slow = nodeDicomwebClient(proxy.url, {}, 300);
    const e = problemOf(await searchStudies(slow, {}).catch((x) => x), 'none');
    expect(e.code).toBe('dicomweb-timeout');
    expect(e.reason).toMatch(/did not answer the study search within 0 s|within/);
  });

  it('a study with no images', async () => {
    const input = await sampleReportInput();
    const studyUid = newUid();
    const sr = writeReport(
      measurementReport({
        ...input,
        study: { ...input.study, instanceUid: studyUid },
        sopInstanceUid: newUid(),
        seriesInstanceUid: newUid(),
      }),
    );
    await storeInstances(client, [sr]);
    const results = [];
    for await (const r of retrieveStudy(client, studyUid)) results.push(r);
    const last = results.at(-1)!;
    expect(last.ok).toBe(false);
    if (!last.ok) {
      expect(last.error.code).toBe('dicomweb-no-images');
      expect(last.error.reason).toBe(`the study ${studyUid} holds no images`);
    }
  });
});

describe('consilium analyze --dicomweb … --stow', () => {
  const cli = join(import.meta.dirname, '../../bin/consilium.mjs');
  const dciodvfy = spawnSync('sh', ['-c', 'command -v dciodvfy'], {
    encoding: 'utf8',
  }).stdout.trim();

  it('reads a study from the PACS and stores its report beside it, valid by dciodvfy', async () => {
    const study = stored.find((s) => s.file === demo[0].name)!.study;
    const out = join(await mkdtemp(join(tmpdir(), 'consilium-dicomweb-')), 'bundle.zip');
    const run = await promisify(execFile)(
      process.execPath,
      [
        cli,
        'analyze',
        '--dicomweb',
        base,
        '--study',
        study,
        '--out',
        out,
        '--no-model',
        '--jobs',
        '1',
        '--stow',
        base,
      ],
      { encoding: 'utf8' },
    );
    expect(run.stdout).toContain('1 series analysed');
    expect(run.stderr).toContain(`Stored the report of study ${study}`);
    const series = await allSeries(client, study);
    const sr = series.find((s) => s.modality === 'SR');
    expect(sr, 'an SR series in the source study').toBeDefined();
    const metas = await seriesMetadata(client, {
      studyInstanceUid: study,
      seriesInstanceUid: sr!.seriesInstanceUid,
    });
    const sop = String(metas[0]['00080018'].Value![0]);
    const bytes = await storedInstance(
      client,
      { studyInstanceUid: study, seriesInstanceUid: sr!.seriesInstanceUid },
      sop,
    );
    expect(dciodvfy, 'dciodvfy (dicom3tools) is installed').not.toBe('');
    const path = join(await mkdtemp(join(tmpdir(), 'consilium-sr-')), 'report.dcm');
    await writeFile(path, bytes);
    const check = spawnSync(dciodvfy, [path], { encoding: 'utf8' });
    const output = `${check.stdout}${check.stderr}`;
    expect(output).toContain('ComprehensiveSR');
    expect(output.split('\n').filter((l) => /^Error/.test(l))).toEqual([]);
  });

  it('--pseudonymised stores the pseudonymised report into the pseudonymised study, valid by dciodvfy', async () => {
    const source = stored.find((s) => s.file === demo[0].name)!;
    const dir = await mkdtemp(join(tmpdir(), 'consilium-dicomweb-'));
    const keyFile = join(dir, 'key.txt');
    await writeFile(keyFile, 'research collaboration key\n');
    const run = await promisify(execFile)(
      process.execPath,
      [
        cli,
        'analyze',
        '--dicomweb',
        base,
        '--study',
        source.study,
        '--out',
        join(dir, 'bundle.zip'),
        '--key-file',
        keyFile,
        '--no-model',
        '--jobs',
        '1',
        '--stow',
        base,
        '--pseudonymised',
      ],
      { encoding: 'utf8' },
    );
    // The study the de-identifier gives the images on the research PACS: the same keyed UID.
    const key = await importCollaborationKey(
      secretFileBytes(new TextEncoder().encode('research collaboration key\n')),
    );
    const target = await pseudonymousUid(key, source.study);
    expect(run.stderr).toContain(
      `Stored the pseudonymised report of study ${source.study} (as study ${target})`,
    );
    const sr = (await allSeries(client, target)).find((s) => s.modality === 'SR');
    expect(sr, 'an SR series in the pseudonymised study').toBeDefined();
    const ref = { studyInstanceUid: target, seriesInstanceUid: sr!.seriesInstanceUid };
    const metas = await seriesMetadata(client, ref);
    const bytes = await storedInstance(client, ref, String(metas[0]['00080018'].Value![0]));
    // Retrieved by WADO-RS: no real identifier of the source study in any byte.
    const text = new TextDecoder('latin1').decode(bytes);
    const real = parseInstance(source.bytes, source.file);
    if (!real.ok) throw new Error(real.error.reason);
    expect(text).not.toContain(source.study);
    expect(text).not.toContain(source.series);
    expect(text).not.toContain(real.meta.patientID);
    expect(text).toContain(await pseudonymousKey(key, 'patient', real.meta.patientID));
    const path = join(dir, 'report.dcm');
    await writeFile(path, bytes);
    const check = spawnSync(dciodvfy, [path], { encoding: 'utf8' });
    const output = `${check.stdout}${check.stderr}`;
    expect(output).toContain('ComprehensiveSR');
    expect(output.split('\n').filter((l) => /^Error/.test(l))).toEqual([]);
  });
});

describe('consilium filter --out map.dcm --stow', () => {
  it('stores the response map beside its series, retrievable by WADO-RS and valid by dciodvfy', async () => {
    const study = stored.find((s) => s.file === demo[0].name)!.study;
    const dir = await mkdtemp(join(tmpdir(), 'consilium-filter-stow-'));
    const series = join(dir, 'series');
    await mkdir(series);
    for (const d of demo) await writeFile(join(series, d.name), d.bytes);
    const cli = join(import.meta.dirname, '../../bin/consilium.mjs');
    const run = await promisify(execFile)(
      process.execPath,
      [
        cli,
        'filter',
        series,
        '--filter',
        'log:sigma=2',
        '--out',
        join(dir, 'map.dcm'),
        '--stow',
        base,
        '--json',
      ],
      { encoding: 'utf8' },
    );
    const record = JSON.parse(run.stdout) as { ok: boolean; value: { stored: string } };
    expect(record.ok).toBe(true);
    expect(record.value.stored).toContain(`/studies/${study}/`);
    const ot = (await allSeries(client, study)).find((s) => s.modality === 'OT');
    expect(ot, 'the map as a series of the source study').toBeDefined();
    const ref = { studyInstanceUid: study, seriesInstanceUid: ot!.seriesInstanceUid };
    const metas = await seriesMetadata(client, ref);
    const bytes = await storedInstance(client, ref, String(metas[0]['00080018'].Value![0]));
    expect(Buffer.from(bytes).equals(await readFile(join(dir, 'map.dcm')))).toBe(true);
    const check = spawnSync('dciodvfy', [join(dir, 'map.dcm')], { encoding: 'utf8' });
    expect(check.error, 'dciodvfy (dicom3tools) is installed').toBeUndefined();
    const output = `${check.stdout}${check.stderr}`;
    expect(output).toContain('MultiframeGrayscaleWordSCImage');
    expect(output.split('\n').filter((l) => /^Error/.test(l))).toEqual([]);
  });
});

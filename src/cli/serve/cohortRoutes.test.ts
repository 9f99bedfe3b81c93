// consilium serve --cohorts: the runs under the results root as JSON, and a run started only over
// a folder the inputs root offers, only from a same-origin JSON request; its real run (a CLI
// child process over a generated series) completes and its feature values are served.
import { parquetReadObjects } from 'hyparquet';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetCompressors } from '../../core/cohort/resultColumns.ts';
import { writeCohort } from '../cohort/testing/cohortFixture.ts';
import { listenCohorts } from './testing/listenCohorts.ts';
import { writeFeaturesRunFolder, writeSeriesRecord } from '../cohort/testing/featuresRunFolder.ts';

let root: string;
let origin = '';
let bare = '';
const closers: (() => void)[] = [];

async function listen(runs: string, inputs?: string, models?: string): Promise<string> {
  const served = await listenCohorts(root, {
    runs,
    ...(inputs ? { inputs } : {}),
    ...(models ? { models } : {}),
    jobs: 1,
  });
  closers.push(served.close);
  return served.origin;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'consilium-cohort-routes-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><p>app</p>');
  await writeCohort(join(root, 'inputs', 'small'), 1, { slices: 2, size: 8 });
  await writeFile(join(root, 'inputs', 'a-file'), 'not a folder');
  await mkdir(join(root, 'runs', 'not-a-run'), { recursive: true });
  await mkdir(join(root, 'outside'));
  origin = await listen(join(root, 'runs'), join(root, 'inputs'));
  bare = await listen(join(root, 'runs'));
});

afterAll(async () => {
  for (const c of closers) c();
  await rm(root, { recursive: true, force: true });
});

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/cohorts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers' shapes are what is tested
type Loose = any;

async function json(r: Response): Promise<{ ok: boolean; value?: Loose; error?: Loose }> {
  expect(r.headers.get('content-type')).toBe('application/json');
  return (await r.json()) as { ok: boolean; value?: Loose; error?: Loose };
}

/** Starts a run from the page's side and waits until the server says it is complete. */
async function completedRun(command: string, options: unknown): Promise<string> {
  const started = await post(origin, { input: 'small', command, options });
  expect(started.status).toBe(202);
  const { id } = (await json(started)).value as { id: string };
  const end = Date.now() + 90_000;
  let run: { state: string; done: number; error?: string };
  do {
    await new Promise((r) => setTimeout(r, 200));
    run = (await json(await fetch(`${origin}/api/cohorts/${id}`))).value;
  } while (run.state === 'running' && Date.now() < end);
  expect(run, run.error).toMatchObject({ state: 'complete', done: 1 });
  return id;
}

describe('consilium serve --cohorts', () => {
  it('lists the input folders, and only folders of the results root holding a run', async () => {
    const list = await json(await fetch(`${origin}/api/cohorts`));
    expect(list.value.inputs).toEqual(['small']);
    expect(list.value.canStart).toBe(true);
    expect(list.value.runs.map((r: { id: string }) => r.id)).not.toContain('not-a-run');
    expect((await json(await fetch(`${bare}/api/cohorts`))).value.canStart).toBe(false);
    // (a plain ../ never reaches the server: URLs are normalised first)
    for (const id of ['not-a-run', '..%2Foutside', '%2Fetc', '.hidden'])
      expect((await fetch(`${origin}/api/cohorts/${id}`)).status).toBe(404);
  });

  it('starts nothing but a listed folder, from a same-origin JSON request', async () => {
    const refused = async (r: Response, status: number, code: string) => {
      expect(r.status).toBe(status);
      expect((await json(r)).error.code).toBe(code);
    };
    await refused(
      await fetch(`${origin}/api/cohorts`, { method: 'POST', body: '{"input":"small"}' }),
      403,
      'forbidden',
    );
    await refused(
      await post(origin, { input: 'small' }, { 'Sec-Fetch-Site': 'cross-site' }),
      403,
      'forbidden',
    );
    await refused(
      await post(origin, { input: 'small' }, { Origin: 'http://evil.example' }),
      403,
      'forbidden',
    );
    for (const input of ['../outside', join(root, 'outside'), 'a-file', '', 7])
      await refused(await post(origin, { input }), 400, 'unknown-input');
    await refused(
      await post(origin, { input: 'small', command: 'deidentify' }),
      400,
      'bad-command',
    );
    await refused(await post(bare, { input: 'small' }), 403, 'no-inputs');
  });

  it('refuses bad options as Problems naming the field, with the CLI’s own checks', async () => {
    const refusal = async (command: string, options: unknown) => {
      const r = await post(origin, { input: 'small', command, options });
      expect(r.status).toBe(400);
      return (await json(r)).error as { code: string; params: Record<string, unknown> };
    };
    expect(await refusal('features', { families: 'glcm,texture' })).toMatchObject({
      code: 'bad-families',
      params: { field: 'families', value: 'glcm,texture' },
    });
    expect((await refusal('features', { families: 'x' })).params.known).toContain('glcm');
    for (const w of ['0', '-2', 'wide'])
      expect(await refusal('analyze', { 'bin-width': w })).toMatchObject({
        code: 'bad-bin-width',
        params: { field: 'bin-width', value: w },
      });
    expect((await refusal('features', { 'bin-count': '2.5' })).code).toBe('bad-bin-count');
    expect(await refusal('features', { 'bin-width': '25', 'bin-count': '16' })).toMatchObject({
      code: 'bin-width-and-count',
      params: { field: 'bin-count' },
    });
    // A filter keeps the filter parser's code and parameters (translated as in the Filters tab).
    expect(await refusal('features', { filter: ['log:sigma=3', 'sobel'] })).toMatchObject({
      code: 'unknown-filter',
      params: { field: 'filter', value: 'sobel' },
    });
    expect((await refusal('analyze', { filter: ['log:sigma=-1'] })).code).toBe(
      'bad-filter-parameter',
    );
    expect(await refusal('analyze', { families: 'glcm' })).toMatchObject({
      code: 'option-not-for-command',
      params: { field: 'families', command: 'analyze' },
    });
    expect((await refusal('infer', { 'bin-width': '25' })).code).toBe('option-not-for-command');
    expect((await refusal('features', { jobs: '64' })).code).toBe('unknown-option');
    expect((await refusal('features', { filter: 'log:sigma=3' })).code).toBe('bad-request');
    expect((await json(await fetch(`${origin}/api/cohorts`))).value.runs).not.toContainEqual(
      expect.objectContaining({ input: 'small', state: 'running' }),
    );
  });

  it('a started run completes in the results root and serves its feature values', async () => {
    const started = await post(origin, { input: 'small' });
    expect(started.status).toBe(202);
    const { id } = (await json(started)).value as { id: string };
    expect(id).toMatch(/^small-\d{8}T\d{6}$/);
    let run: { state: string; done: number; total: number | null; failedSeries: number };
    const end = Date.now() + 90_000;
    do {
      await new Promise((r) => setTimeout(r, 200));
      run = (await json(await fetch(`${origin}/api/cohorts/${id}`))).value;
      expect(['running', 'complete']).toContain(run.state);
    } while (run.state !== 'complete' && Date.now() < end);
    expect(run).toMatchObject({ state: 'complete', done: 1, total: 1, failedSeries: 0 });
    const table = (await json(await fetch(`${origin}/api/cohorts/${id}/features?limit=3`))).value;
    expect(table.truncated).toBe(true);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]).toMatchObject({ roi: 'whole', family: 'intensity-statistics' });
    expect(Number.isFinite(table.rows[0].value)).toBe(true);
  });

  it('a features run with options serves its values as zstd Parquet, equal to its records', async () => {
    const options = { families: 'intensity-statistics,glcm', 'bin-width': '10' };
    const id = await completedRun('features', options);
    const r = await fetch(`${origin}/api/cohorts/${id}/features.parquet`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const bytes = await r.arrayBuffer();
    const rows = await parquetReadObjects({
      file: bytes,
      compressors: parquetCompressors,
    });
    const table = (await json(await fetch(`${origin}/api/cohorts/${id}/features`))).value;
    expect(rows).toHaveLength(table.rows.length);
    expect(new Set(rows.map((x) => x.family))).toEqual(new Set(['intensity-statistics', 'glcm']));
    for (const [i, row] of table.rows.entries())
      expect([rows[i].ibsi_code, rows[i].value]).toEqual([row.ibsiCode, row.value]);
    // The run used the options: bin width 10 in its recorded settings.
    const run = JSON.parse(await readFile(join(root, 'runs', id, 'run.json'), 'utf8'));
    expect(JSON.stringify(run.settings)).toContain('"binWidth":10');
    // An analyze run has no feature table to serve.
    expect(
      (
        await json(
          await fetch(
            `${origin}/api/cohorts/${await completedRun('analyze', { 'bin-count': '16' })}/features.parquet`,
          ),
        )
      ).error.code,
    ).toBe('not-features');
  });
});

/** Writes a series record file into dir as a features run does: one whole-image record of `values`. */
const writeSeries = (dir: string, key: string, series: string, values: number[]) =>
  writeSeriesRecord(dir, key, series, values, `/in/${series}.dcm`);

describe('a features run still going', () => {
  it('serves the values of the series done so far, compacted again when more are done', async () => {
    const dir = join(root, 'runs', 'live-run');
    await writeFeaturesRunFolder(dir, 'abc');
    await writeFile(join(dir, 'cohort.json'), JSON.stringify({ id: 'c1', series: 3, queue: 'q' }));
    await writeSeries(dir, 'a'.repeat(32), '1.1', [1, 2]);
    const table = async () => {
      const r = await fetch(`${origin}/api/cohorts/live-run/features.parquet`);
      expect(r.status).toBe(200);
      return parquetReadObjects({ file: await r.arrayBuffer(), compressors: parquetCompressors });
    };
    expect((await json(await fetch(`${origin}/api/cohorts/live-run`))).value).toMatchObject({
      state: 'queued',
      done: 1,
      total: 3,
    });
    expect((await table()).map((r) => [r.series, r.value])).toEqual([
      ['1.1', 1],
      ['1.1', 2],
    ]);
    // Asked again with nothing new: the same file, not compacted again.
    const { mtimeMs } = await stat(join(dir, 'features.parquet'));
    await table();
    expect((await stat(join(dir, 'features.parquet'))).mtimeMs).toBe(mtimeMs);
    // A second series done: the next read holds both.
    await writeSeries(dir, 'b'.repeat(32), '1.2', [3]);
    expect((await table()).map((r) => [r.series, r.value])).toEqual([
      ['1.1', 1],
      ['1.1', 2],
      ['1.2', 3],
    ]);
  });
});

describe('the whole-table filter', () => {
  it('answers a filter over a run’s table brought up to date, with the count of matching rows', async () => {
    const dir = join(root, 'runs', 'filtered-run');
    await writeFeaturesRunFolder(dir, 'abc');
    await writeSeries(dir, 'e'.repeat(32), '3.1', [1, 5, 9]);
    const url = (q: string) => `${origin}/api/cohorts/filtered-run/features.filter?${q}`;
    let r = await json(await fetch(url('text=code&min=4')));
    expect(r.value).toMatchObject({
      count: 2,
      offset: 0,
      length: 2,
      series: ['3.1', '3.1'],
      value: [5, 9],
    });
    // A series written since: the next question sees it, without the table being asked for first.
    await writeSeries(dir, 'f'.repeat(32), '3.2', [7]);
    r = await json(await fetch(url('text=CODE0&min=4')));
    expect(r.value).toMatchObject({ count: 1, ibsiCode: ['CODE0'], value: [7] });
    const bad = await fetch(url('max=high'));
    expect(bad.status).toBe(400);
    expect((await json(bad)).error).toMatchObject({
      code: 'bad-table-filter',
      params: { name: 'max' },
    });
  });
});

describe('the Parquet table over HTTP ranges', () => {
  it('answers HEAD and byte ranges (206), refuses a bad range (416), and holds a version with If-Match', async () => {
    const dir = join(root, 'runs', 'ranged-run');
    await writeFeaturesRunFolder(dir, 'abc');
    const values = Array.from({ length: 50 }, (_, i) => i / 7);
    await writeSeries(dir, 'c'.repeat(32), '2.1', values);
    const url = `${origin}/api/cohorts/ranged-run/features.parquet`;
    const whole = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(head.headers.get('content-length'))).toBe(whole.length);
    const etag = head.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const size = whole.length;
    const ranged = async (range: string, start: number, end: number) => {
      const r = await fetch(url, { headers: { Range: range, 'If-Match': etag } });
      expect(r.status).toBe(206);
      expect(r.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
      expect(Number(r.headers.get('content-length'))).toBe(end - start + 1);
      expect(new Uint8Array(await r.arrayBuffer())).toEqual(whole.subarray(start, end + 1));
    };
    await ranged('bytes=0-3', 0, 3); // "PAR1"
    await ranged('bytes=10-', 10, size - 1);
    await ranged('bytes=-8', size - 8, size - 1); // the footer's length and "PAR1"
    await ranged(`bytes=5-${size + 100}`, 5, size - 1);
    for (const bad of [`bytes=${size}-`, 'bytes=9-2', 'bytes=-0', 'bytes=x-3', 'bytes=-']) {
      const r = await fetch(url, { headers: { Range: bad } });
      expect(r.status, bad).toBe(416);
      expect(r.headers.get('content-range')).toBe(`bytes */${size}`);
    }
    // The footer read by hyparquet through ranges decodes the same rows as the whole file.
    const rows = await parquetReadObjects({
      file: {
        byteLength: size,
        slice: async (s: number, e?: number) =>
          (
            await fetch(url, {
              headers: { Range: `bytes=${s}-${(e ?? size) - 1}`, 'If-Match': etag },
            })
          ).arrayBuffer(),
      },
      compressors: parquetCompressors,
    });
    expect(rows.map((r) => r.value)).toEqual(values);
    // Another series done: the table is compacted again on the next open, and a reader still
    // holding the old version is told, instead of getting bytes of another file.
    await writeSeries(dir, 'd'.repeat(32), '2.2', [1]);
    const reopened = await fetch(url, { method: 'HEAD' });
    expect(reopened.headers.get('etag')).not.toBe(etag);
    const stale = await fetch(url, { headers: { Range: 'bytes=0-3', 'If-Match': etag } });
    expect(stale.status).toBe(412);
    expect((await json(stale)).error.code).toBe('parquet-changed');
  });
});

describe('the models a run may use', () => {
  it('lists the shipped model and the operator’s by name, runs one by name, refuses others', async () => {
    const models = join(root, 'models');
    await mkdir(models);
    const shipped = join(import.meta.dirname, '../../../public/models/pneumonia-cnn');
    await copyFile(`${shipped}.onnx`, join(models, 'pneumonia-copy.onnx'));
    await copyFile(`${shipped}.card.json`, join(models, 'pneumonia-copy.card.json'));
    await writeFile(join(models, 'no-card.onnx'), 'not a model');
    await copyFile(`${shipped}.onnx`, join(models, 'pneumonia-cnn.onnx')); // the shipped name
    await copyFile(`${shipped}.card.json`, join(models, 'pneumonia-cnn.card.json'));
    const served = await listen(join(root, 'runs'), join(root, 'inputs'), models);
    const list = await json(await fetch(`${served}/api/cohorts`));
    expect(list.value.models).toEqual([
      expect.objectContaining({ name: 'pneumonia-cnn', version: '1.0.0', default: true }),
      expect.objectContaining({ name: 'pneumonia-copy', version: '1.0.0', default: false }),
    ]);
    expect(JSON.stringify(list.value)).not.toContain(models); // names, never paths
    // The server without --models offers the shipped one only.
    expect((await json(await fetch(`${origin}/api/cohorts`))).value.models).toEqual([
      expect.objectContaining({ name: 'pneumonia-cnn', default: true }),
    ]);
    for (const model of [
      'nope',
      'no-card',
      '../models/pneumonia-copy',
      join(models, 'pneumonia-copy.onnx'),
    ]) {
      const r = await post(served, { input: 'small', command: 'infer', options: { model } });
      expect(r.status, model).toBe(400);
      expect((await json(r)).error).toMatchObject({
        code: 'unknown-model',
        params: { field: 'model', model, known: 'pneumonia-cnn, pneumonia-copy' },
      });
    }
    expect(
      (
        await json(
          await post(served, {
            input: 'small',
            command: 'features',
            options: { model: 'pneumonia-copy' },
          }),
        )
      ).error.code,
    ).toBe('option-not-for-command');
    // A run of the operator's model, named: its files are the run's settings.
    const started = await post(served, {
      input: 'small',
      command: 'infer',
      options: { model: 'pneumonia-copy' },
    });
    expect(started.status).toBe(202);
    const { id } = (await json(started)).value as { id: string };
    let run: { state: string; error?: string };
    const end = Date.now() + 90_000;
    do {
      await new Promise((r) => setTimeout(r, 200));
      run = (await json(await fetch(`${served}/api/cohorts/${id}`))).value;
    } while (run.state === 'running' && Date.now() < end);
    expect(run.state, run.error).toBe('complete');
    const settings = JSON.parse(
      await readFile(join(root, 'runs', id, 'run.json'), 'utf8'),
    ).settings;
    expect(settings).toMatchObject({
      model: join(models, 'pneumonia-copy.onnx'),
      card: join(models, 'pneumonia-copy.card.json'),
    });
  });
});

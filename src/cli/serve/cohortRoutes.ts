// `consilium serve --cohorts DIR [--cohort-inputs DIR]`: the runs under a results root as
// read-only JSON for the workbench's Cohort view, and one write: starting a single-machine run
// over a folder the operator put under the inputs root (named by the page, never a path from it).
//
//   GET  /api/cohorts                   {runs: RunSummary[], inputs: string[], canStart,
//                                       models: ModelChoice[] (names, never paths)}
//   GET  /api/cohorts/<run>             RunSummary with its failures (code, reason, file)
//   GET  /api/cohorts/<run>/features    a features run's values, a row each (?limit=N)
//   GET  /api/cohorts/<run>/features.parquet   its values as one long zstd Parquet table (the
//                                       `consilium cohort parquet` file, written when stale;
//                                       also while the run goes on); HEAD, byte Ranges (206,
//                                       416) and an ETag that If-Match holds to one version
//   GET  /api/cohorts/<run>/features.filter?text=&min=&max=&offset=&limit=   the rows of that
//                                       whole table matching a filter (DuckDB, parameters bound):
//                                       {count, offset, length, <column>: [...]} (tableFilter.ts)
//   POST /api/cohorts {input, command, options}   starts `consilium <command> <inputs>/<input>
//                                       --out <runs>/<id> <options>` (analyze: --results <run>
//                                       --out <run>/bundle.zip); options as in startRequest.ts,
//                                       checked by the CLI's parsers, refused as Problems; a
//                                       model by its name in the list (unknown-model)
//
// Every answer is a Result record ({ok, value} or {ok, error}); a run is a folder of the root
// holding run.json (single-machine runs, `cohort submit --out` folders, runs started here).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { RunFailure, RunState, RunSummary } from '../../core/cohort/runViews.ts';
import type { StartCommand } from '../../core/cohort/startRequest.ts';
import { problemOf } from '../../core/result.ts';
import { featureRows, readRunFolder } from '../cohort/runFolder.ts';
import { choiceOf, listModels } from '../cohort/modelList.ts';
import { runParquet } from '../cohort/runParquet.ts';
import { filterTable, parseTableFilter } from '../cohort/tableFilter.ts';
import { isStartCommand, startArgs } from '../cohort/startOptions.ts';
import { writeAtomic } from '../io/resultsDir.ts';
import { byteRange } from './cohortByteRange.ts';
import { problem, readBody, sameOrigin, send } from './jsonAnswers.ts';
import type { Route } from './server.ts';

export interface CohortServeOptions {
  /** The results root: each run is one of its folders. */
  readonly runs: string;
  /** Folders under it may be run from the page; none: the page cannot start runs. */
  readonly inputs?: string;
  /** --jobs of a started run (default: one per core less one). */
  readonly jobs?: number;
  /** The operator's models folder (--models): offered by name beside the shipped model. */
  readonly models?: string;
}

export type { RunState, RunSummary } from '../../core/cohort/runViews.ts';

/** What this server records of a run it started, in <run>/serve.json and in memory. */
interface Started {
  input: string;
  command: string;
  /** The options' flags, as on the command line. */
  args?: string[];
  startedAt: string;
  state: 'running' | 'finished' | 'failed';
  total: number | null;
  error?: string;
}

const prefix = '/api/cohorts';
const plainName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const cli = join(import.meta.dirname, '../../../bin/consilium.mjs');

export function cohortRoutes(o: CohortServeOptions): { route: Route; close(): void } {
  const started = new Map<string, Started>();
  const children = new Set<ChildProcess>();
  const jobs = o.jobs ?? Math.max(1, availableParallelism() - 1);

  async function inputs(): Promise<string[]> {
    if (!o.inputs) return [];
    const entries = await readdir(o.inputs, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isDirectory() && plainName.test(e.name))
      .map((e) => e.name)
      .sort();
  }

  async function summary(id: string): Promise<(RunSummary & { failures: RunFailure[] }) | null> {
    const dir = join(o.runs, id);
    const here = started.get(id);
    // Its state as noted before its folder is read: a run that finishes while the folder is read
    // must not be called finished with a listing taken before its last series was written
    // (`noted.state` changes when the child exits, so it is read once, here).
    const noted =
      here ??
      (JSON.parse(
        await readFile(join(dir, 'serve.json'), 'utf8').catch(() => 'null'),
      ) as Started | null);
    const notedState = noted?.state;
    const info = await readRunFolder(dir);
    if (!info && !here) return null;
    const done = info?.done ?? 0;
    let state: RunState;
    if (info?.complete || notedState === 'finished') state = 'complete';
    else if (here && notedState === 'running') state = 'running';
    else if (notedState === 'failed') state = 'failed';
    else if (notedState === 'running')
      state = 'stopped'; // this server stopped while it ran
    // A queued cohort is over when every series is written or given up on by the workers.
    else if (info?.cohort)
      state = info.done + info.gaveUp >= info.cohort.series ? 'complete' : 'queued';
    else state = 'incomplete';
    const total = info?.complete ? done : (info?.cohort?.series ?? noted?.total ?? null);
    return {
      id,
      command: info?.command ?? noted?.command ?? '',
      state,
      done,
      total,
      failedSeries: info?.failedSeries ?? 0,
      ...(noted ? { input: noted.input, startedAt: noted.startedAt } : {}),
      ...(info?.cohort ? { cohortId: info.cohort.id } : {}),
      ...(noted?.error && state === 'failed' ? { error: noted.error } : {}),
      failures: info?.failures ?? [],
    };
  }

  async function list(): Promise<RunSummary[]> {
    const entries = await readdir(o.runs, { withFileTypes: true }).catch(() => []);
    const runs: RunSummary[] = [];
    for (const e of entries) {
      if (!e.isDirectory() || !plainName.test(e.name)) continue;
      const s = await summary(e.name);
      if (!s) continue;
      const { failures: _, ...rest } = s;
      runs.push(rest);
    }
    // Newest first where known, then by name.
    return runs.sort(
      (a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '') || a.id.localeCompare(b.id),
    );
  }

  async function start(input: string, command: StartCommand, args: string[]): Promise<string> {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    let id = `${input}-${stamp}`;
    for (let n = 2; ; n++) {
      try {
        await mkdir(join(o.runs, id)); // claims the name: fails when it exists
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n > 99) throw e;
        id = `${input}-${stamp}-${n}`;
      }
    }
    const dir = join(o.runs, id);
    const run: Started = {
      input,
      command,
      args,
      startedAt: new Date().toISOString(),
      state: 'running',
      total: null,
    };
    started.set(id, run);
    const note = () => writeAtomic(join(dir, 'serve.json'), JSON.stringify(run, null, 2) + '\n');
    await note();
    // Its own process: the run's threads never hold this server's event loop.
    // analyze writes a bundle: its series results go to the run folder (--results), the
    // bundle beside them.
    const out =
      command === 'analyze' ? ['--results', dir, '--out', join(dir, 'bundle.zip')] : ['--out', dir];
    const child = spawn(
      process.execPath,
      [cli, command, join(o.inputs!, input), ...out, '--jobs', String(jobs), ...args],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, CONSILIUM_PROGRESS_MS: '0' },
      },
    );
    children.add(child);
    let last = '';
    let pending = '';
    child.stderr!.on('data', (b: Buffer) => {
      const lines = (pending + b.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) {
        const m = /: (\d+)\/(\d+) series/.exec(l);
        if (m) run.total = Number(m[2]);
        else if (l.trim()) last = l.trim();
      }
    });
    child.on('close', (code) => {
      children.delete(child);
      run.state = code === 0 ? 'finished' : 'failed';
      if (code !== 0) run.error = last || `exit code ${code}`;
      note().catch(() => {}); // its folder removed meanwhile: nothing left to record it in
    });
    return id;
  }

  const route: Route = async (req, res, headers) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== prefix && !url.pathname.startsWith(prefix + '/')) return false;
    const parts = url.pathname.slice(prefix.length).split('/').filter(Boolean);
    if (req.method === 'POST' && parts.length === 0) {
      if (!sameOrigin(req))
        return (
          send(res, headers, 403, problem('forbidden', 'runs are started from this page only')),
          true
        );
      if (!o.inputs)
        return (
          send(
            res,
            headers,
            403,
            problem('no-inputs', 'this server was given no --cohort-inputs folder'),
          ),
          true
        );
      const body = await readBody(req, 4096);
      let asked: { input?: unknown; command?: unknown; options?: unknown } = {};
      try {
        asked = JSON.parse(body ?? '') as typeof asked;
      } catch {
        return (send(res, headers, 400, problem('bad-request', 'the body is not JSON')), true);
      }
      const command = asked.command ?? 'features';
      if (!isStartCommand(command))
        return (
          send(
            res,
            headers,
            400,
            problem('bad-command', 'a run is features, infer or analyze', {
              command: String(command),
            }),
          ),
          true
        );
      // Only a folder the listing offers: a name, never a path.
      if (typeof asked.input !== 'string' || !(await inputs()).includes(asked.input))
        return (
          send(
            res,
            headers,
            400,
            problem('unknown-input', 'no such input folder on this server', {
              input: String(asked.input),
            }),
          ),
          true
        );
      const { models } = await listModels(o.models);
      const args = startArgs(command, join(o.inputs, asked.input), asked.options, models);
      if (!args.ok) return (send(res, headers, 400, args), true);
      const id = await start(asked.input, command, args.value);
      send(res, headers, 202, { ok: true, value: { id } });
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD, POST' }).end();
      return true;
    }
    if (parts.length === 0) {
      send(res, headers, 200, {
        ok: true,
        value: {
          runs: await list(),
          inputs: await inputs(),
          canStart: Boolean(o.inputs),
          models: (await listModels(o.models)).models.map(choiceOf),
        },
      });
      return true;
    }
    const [id, what] = parts;
    const s = plainName.test(id) && parts.length <= 2 ? await summary(id) : null;
    if (!s) {
      send(res, headers, 404, problem('no-run', 'no such run', { run: id }));
      return true;
    }
    if (what === undefined) send(res, headers, 200, { ok: true, value: s });
    else if (what === 'features') {
      const limit = Math.min(100_000, Math.max(1, Number(url.searchParams.get('limit')) || 20_000));
      send(res, headers, 200, { ok: true, value: await featureRows(join(o.runs, id), limit) });
    } else if (what === 'features.parquet') await sendParquet(req, res, headers, id, s.command);
    else if (what === 'features.filter') await sendFiltered(res, headers, id, s.command, url);
    else send(res, headers, 404, problem('no-route', 'no such cohort route'));
    return true;
  };

  /** The rows of the run's whole table matching the page's filter (structured parameters, bound
   * by DuckDB): their count and a page of them. The table is brought up to date first. */
  async function sendFiltered(
    res: ServerResponse,
    headers: Readonly<Record<string, string>>,
    id: string,
    command: string,
    url: URL,
  ): Promise<void> {
    if (command !== 'features')
      return send(res, headers, 404, problem('not-features', 'only a features run has a table'));
    let asked: ReturnType<typeof parseTableFilter>;
    try {
      asked = parseTableFilter(url.searchParams);
    } catch (e) {
      return send(res, headers, 400, { ok: false, error: problemOf(e, 'bad-table-filter') });
    }
    try {
      const { path } = await runParquet(join(o.runs, id));
      const rows = await filterTable(path, asked.filter, asked.offset, asked.limit);
      send(res, headers, 200, { ok: true, value: rows });
    } catch (e) {
      const p = problemOf(e, 'filter-failed');
      send(res, headers, 500, {
        ok: false,
        error: { ...p, params: { reason: p.reason, ...p.params } },
      });
    }
  }

  async function sendParquet(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Readonly<Record<string, string>>,
    id: string,
    command: string,
  ): Promise<void> {
    if (command !== 'features')
      return send(res, headers, 404, problem('not-features', 'only a features run has a table'));
    // A reader holding a version (If-Match) reads that one as it is: compacting now would change
    // the file between its footer and its row groups. Without one, the table is brought up to date.
    const ifMatch = req.headers['if-match'];
    const path = join(o.runs, id, 'features.parquet');
    if (ifMatch === undefined)
      try {
        await runParquet(join(o.runs, id));
      } catch (e) {
        const p = problemOf(e, 'parquet-failed');
        return send(res, headers, 500, { ok: false, error: p });
      }
    // The file is replaced by rename when compacted again: what this handle reads stays whole.
    const file = await open(path, 'r').catch(() => null);
    if (!file)
      return send(res, headers, 412, problem('parquet-changed', 'the run has no such table now'));
    try {
      const { size, mtimeMs } = await file.stat();
      const etag = `"${size.toString(36)}-${Math.round(mtimeMs * 1000).toString(36)}"`;
      if (ifMatch !== undefined && ifMatch !== etag && ifMatch !== '*')
        return send(
          res,
          headers,
          412,
          problem('parquet-changed', 'the table was compacted again since it was opened'),
        );
      const common = {
        ...headers,
        'Accept-Ranges': 'bytes',
        ETag: etag,
        'Cache-Control': 'no-store',
      };
      const range = byteRange(req.headers.range, size);
      if (range === 'unsatisfiable') {
        res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      const { start, end } = range ?? { start: 0, end: size - 1 };
      res.writeHead(range ? 206 : 200, {
        ...common,
        'Content-Type': 'application/vnd.apache.parquet',
        'Content-Length': String(size === 0 ? 0 : end - start + 1),
        'Content-Disposition': `attachment; filename="${id}.features.parquet"`,
        ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
      });
      if (req.method === 'HEAD' || size === 0) {
        res.end();
        return;
      }
      await new Promise<void>((done) => {
        const stream = file.createReadStream({ start, end, autoClose: false });
        stream.once('error', () => {
          res.destroy();
          done();
        });
        res.once('close', done);
        stream.pipe(res);
      });
    } finally {
      await file.close();
    }
  }

  return {
    route,
    close: () => {
      for (const c of children) c.kill('SIGINT'); // a run stopped this way resumes with --resume
    },
  };
}

// Where a PACS series' time goes in the page: stores a 200-slice 512² CT in Orthanc (ORTHANC_URL),
// serves a built app (--dist, default dist/) under vite preview with its proxy to that Orthanc,
// opens the study from the PACS panel in Debian's Chromium --runs times and prints, per run and
// as medians, the page's own clock from the click on Open to the first slice painted, to every
// instance received (the PACS progress) and to the series indexed (the load progress). With
// --profile FILE the last run is sampled by the CDP Profiler (main thread) and the functions with
// the most self time are printed; FILE.cpuprofile opens in Chrome's DevTools. Each run also
// times Chromium's own reads of the series request in the page with nothing done to it (bare:
// the default reader; floor: into one reused buffer; kept: arrayBuffer()) and curl's
// read of it straight from the PACS, the floor, and then opens the same series as local
// files on a fresh page (the file input, as Open files does): the goal's baseline, printed with
// the ratio of the PACS first image to it (goal <= 1.5). With --profile the last run also prints
// each PACS request's timing (sent, first byte, end) on the page's clock from the click.
//   npx tsx tools/pacs/pageProfile.ts [--dist DIR]… [--port 4206] [--runs 5] [--profile FILE]
// Several --dist builds (e.g. before and after a change) are served side by side and alternated.
import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { baselines, pacsProxyEnv, storeDemoSeries, timePacsOpen } from '../../bench/pacsPage.ts';
import { nodeHttpTransport } from '../../src/cli/io/nodeHttpTransport.ts';
import { dicomwebClient } from '../../src/core/dicomweb/http.ts';

const SLICES = 200;
const { values } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true, default: ['dist'] },
    port: { type: 'string', default: '4206' },
    runs: { type: 'string', default: '5' },
    profile: { type: 'string' },
  },
});
const orthanc = `${process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043'}/dicom-web`;
const port = Number(values.port);
const originOf = (i: number) => `http://127.0.0.1:${port + i}/`;

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

async function upload(): Promise<{
  study: string;
  series: string;
  patientId: string;
  files: string[];
}> {
  const client = dicomwebClient({ baseUrl: orthanc, timeoutMs: 300_000 }, nodeHttpTransport);
  const { first, files } = await storeDemoSeries(client, SLICES, 512);
  return {
    files,
    study: first.studyInstanceUID,
    series: first.seriesInstanceUID,
    patientId: first.patientID,
  };
}

/** The floor: curl's own time for the same series request, straight from the PACS (ms). */
function curlSeries(url: string): number {
  const run = spawnSync('curl', [
    '-sf',
    '-o',
    '/dev/null',
    '-w',
    '%{time_total}',
    '-H',
    'Accept: multipart/related; type="application/dicom"; transfer-syntax=*',
    url,
  ]);
  if (run.status !== 0) throw new Error(`curl failed: ${String(run.stderr)}`);
  return Number(String(run.stdout)) * 1000;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

/** Self time per function (ms), most first. */
function selfTimes(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const name = f
      ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
      : '?';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * The trace's main-thread tasks of the page's renderer, by what they ran: each top-level event
 * (a task) counted by its longest direct children, so "(program)" in the profile gets a name.
 */
async function printTrace(file: string): Promise<void> {
  const { traceEvents } = JSON.parse(await readFile(file, 'utf8')) as { traceEvents: TraceEvent[] };
  const mains = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The busiest renderer main thread is the page's.
  const busy = new Map<string, number>();
  for (const e of traceEvents)
    if (e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.name === 'RunTask')
      busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const events = traceEvents
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Depth-1 events (inside a RunTask) summed by name.
  const byName = new Map<string, number>();
  let task: TraceEvent | undefined;
  let child: TraceEvent | undefined;
  for (const e of events) {
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      if (!task || e.ts >= task.ts + (task.dur ?? 0)) {
        task = e;
        child = undefined;
        continue;
      }
    }
    if (!task || e.ts >= task.ts + (task.dur ?? 0)) continue;
    if (child && e.ts < child.ts + (child.dur ?? 0)) continue;
    child = e;
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  const tasks = [...busy.entries()].find(([k]) => k === main)?.[1] ?? 0;
  console.log(
    `trace: page main thread ran tasks for ${(tasks / 1000).toFixed(0)} ms; inside them:`,
  );
  for (const [name, ms] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
}

async function openOnce(
  page: Page,
  origin: string,
  study: string,
  patientId: string,
  profileTo?: string,
): Promise<Record<string, number>> {
  let cdp: CDPSession | undefined;
  const opened = await timePacsOpen(page, origin, study, patientId, SLICES, {
    async beforeOpen() {
      cdp = profileTo ? await page.context().newCDPSession(page) : undefined;
      if (profileTo)
        await page
          .context()
          .browser()
          ?.startTracing(page, {
            path: `${profileTo}.trace.json`,
            categories: [
              'devtools.timeline',
              'v8',
              'blink',
              'loading',
              'disabled-by-default-devtools.timeline',
            ],
          });
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
        await cdp.send('Profiler.start');
      }
    },
    async afterLoaded() {
      if (!profileTo) return;
      // Each PACS request on the page's clock from the click: when it was sent, its first byte
      // and its end (the QIDO and the viewed instance before the series request).
      const requests = await page.evaluate(() => {
        const open = (window as unknown as { t: Record<string, number> }).t.open;
        return (
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('/dicom-web/') && e.startTime >= open - 1)
            // No named helper: tsx would wrap it in a __name() the page does not have.
            .map((e) => ({
              url: e.name.replace(/^.*\/dicom-web\/[^/]+/, '').slice(0, 90),
              start: Math.round(e.startTime - open),
              request: Math.round((e as PerformanceResourceTiming).requestStart - open),
              first_byte: Math.round((e as PerformanceResourceTiming).responseStart - open),
              end: Math.round((e as PerformanceResourceTiming).responseEnd - open),
            }))
        );
      });
      for (const r of requests) console.log(JSON.stringify({ request: r }));
      if (!cdp) return;
      await page.context().browser()?.stopTracing();
      await printTrace(`${profileTo}.trace.json`);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await writeFile(`${profileTo}.cpuprofile`, JSON.stringify(profile));
      const times = selfTimes(profile);
      const total = times.reduce((n, [, ms]) => n + ms, 0);
      console.log(`main thread sampled ${total.toFixed(0)} ms; most self time:`);
      for (const [name, ms] of times.slice(0, 40))
        console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
    },
  });
  return { ...opened };
}

function middle(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const median = (xs: number[]) => Math.round(middle(xs));
/** The median of each run's ratio (runs alternate, so each ratio is one moment's load). */
const ratio = (xs: number[]) => +middle(xs).toFixed(2);

// A server left on a port (an earlier run's) would answer for a build it does not serve.
for (let i = 0; i < values.dist.length; i++)
  if (
    await fetch(originOf(i)).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`port ${port + i} is in use; stop what serves it or pass another --port`);
const { study, series, patientId, files } = await upload();
// One preview server per build, on consecutive ports; runs alternate between them, so builds
// compared share the machine's load.
const dists = values.dist;
const servers = dists.map((dist, i) =>
  spawn(
    'node_modules/.bin/vite',
    [
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port + i),
      '--strictPort',
      '--outDir',
      dist,
    ],
    { stdio: 'ignore', env: { ...process.env, CONSILIUM_PACS: pacsProxyEnv(orthanc) } },
  ),
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (let i = 0; i < dists.length; i++) await waitForServer(originOf(i));
  const runs = Number(values.runs);
  const all: Record<string, number>[][] = dists.map(() => []);
  for (let r = 0; r < runs; r++)
    for (let i = 0; i < dists.length; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const profile =
        r === runs - 1 && values.profile
          ? `${values.profile}${dists.length > 1 ? i : ''}`
          : undefined;
      const t = await openOnce(page, originOf(i), study, patientId, profile);
      const b = await baselines(page, browser, originOf(i), study, files);
      Object.assign(t, { bare: b.bare, floor: b.floor, kept: b.kept });
      Object.assign(t, { local_first: b.localFirst, local_indexed: b.localIndexed });
      t.curl = curlSeries(`${orthanc}/studies/${study}/series/${series}`);
      const load = +loadavg()[0].toFixed(1);
      console.log(JSON.stringify({ dist: dists[i], run: r + 1, ...t, load_average: load }));
      all[i].push(t);
    }
  for (let i = 0; i < dists.length; i++)
    console.log(
      JSON.stringify({
        figure: 'PACS series in Chromium (medians)',
        dist: dists[i],
        runs,
        first_image_ms: median(all[i].map((t) => t.first)),
        received_ms: median(all[i].map((t) => t.received)),
        indexed_ms: median(all[i].map((t) => t.indexed)),
        local_first_image_ms: median(all[i].map((t) => t.local_first)),
        local_indexed_ms: median(all[i].map((t) => t.local_indexed)),
        // The goal: the page's PACS first image within 1.5× of the same series' local files.
        first_image_to_local: ratio(all[i].map((t) => t.first / t.local_first)),
        goal: '<= 1.5',
        bare_read_ms: median(all[i].map((t) => t.bare)),
        chromium_floor_ms: median(all[i].map((t) => t.floor)),
        chromium_kept_ms: median(all[i].map((t) => t.kept)),
        received_to_chromium_kept: ratio(all[i].map((t) => t.received / t.kept)),
        curl_ms: median(all[i].map((t) => t.curl)),
        received_to_bare: ratio(all[i].map((t) => t.received / t.bare)),
        received_to_curl: ratio(all[i].map((t) => t.received / t.curl)),
        load_average: +loadavg()[0].toFixed(1),
      }),
    );
} finally {
  // The servers first: a browser that fails to close must not leave them on their ports.
  for (const server of servers) server.kill();
  await browser.close();
}

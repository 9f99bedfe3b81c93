// A demo CT series in Orthanc opened by the workbench in Chromium, timed on the page's clock: one
// copy for the dicomweb bench and tools/pacs/pageProfile.ts, so their figures measure the same.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { parseInstance } from '../src/core/dicom/parse.ts';
import type { InstanceMeta } from '../src/core/dicom/types.ts';
import type { DicomwebClient } from '../src/core/dicomweb/http.ts';
import { storeInstances } from '../src/core/dicomweb/stow.ts';
import { writeDemoFiles } from './demoFiles.ts';

export interface StoredSeries {
  /** The demo files, in slice order. */
  files: string[];
  /** Their bytes in all. */
  bytes: number;
  /** The first slice's header: the study, series and patient to ask the PACS for. */
  first: InstanceMeta;
}

/** Writes a slices × size² demo CT and stores it in the PACS by STOW-RS, 20 instances a request. */
export async function storeDemoSeries(
  client: DicomwebClient,
  slices: number,
  size: number,
): Promise<StoredSeries> {
  const { files, bytes } = writeDemoFiles(slices, size);
  const local = await Promise.all(files.map(async (f) => new Uint8Array(await readFile(f))));
  for (let k = 0; k < local.length; k += 20) await storeInstances(client, local.slice(k, k + 20));
  const first = parseInstance(local[0], files[0]);
  if (!first.ok) throw new Error(first.error.reason);
  return { files, bytes, first: first.meta };
}

/** What the preview server's proxy needs (CONSILIUM_PACS) to reach this PACS as 'orthanc'. */
export const pacsProxyEnv = (dicomweb: string) => `orthanc=${dicomweb}`;

/** Page milliseconds from the click on Open. */
export interface OpenTimes {
  /** The first slice painted. */
  first: number;
  /** Every instance received and handed to the ingest (the PACS progress). */
  received: number;
  /** The whole series indexed, every header parsed in the ingest workers (the load progress). */
  indexed: number;
}

export interface OpenHooks {
  /** Runs with the clock armed, just before the click (e.g. starts a profiler). */
  beforeOpen?(): Promise<void>;
  /** Runs once all three figures are in (e.g. stops the profiler). */
  afterLoaded?(): Promise<void>;
}

/**
 * Opens the app at origin, searches patientId in its PACS panel and opens the study: the times
 * from the click on Open to the first slice painted, to every instance received and to the
 * series indexed.
 */
export async function timePacsOpen(
  page: Page,
  origin: string,
  study: string,
  patientId: string,
  slices: number,
  hooks: OpenHooks = {},
): Promise<OpenTimes> {
  await page.addInitScript(() =>
    localStorage.setItem(
      'consilium.pacs.servers',
      JSON.stringify([{ name: 'orthanc', baseUrl: '/dicom-web/orthanc' }]),
    ),
  );
  await page.goto(origin);
  const pacs = page.getByRole('main').locator('.pacs-source');
  const search = pacs.getByRole('form', { name: 'Search the PACS' });
  await search.getByLabel('Patient ID').fill(patientId);
  await search.getByRole('button', { name: 'Search' }).click();
  const row = pacs.locator(`tbody tr[data-study-uid="${study}"]`);
  const rows = pacs.locator('tbody tr[data-study-uid]');
  await rows.first().waitFor();
  // Earlier runs leave more demo studies under this patient ID than a page lists: page on.
  for (let pages = 1; (await row.count()) === 0; pages++) {
    const shown = await rows.first().getAttribute('data-study-uid');
    if (pages > 100) throw new Error(`study ${study} not found in 100 pages of the PACS panel`);
    await pacs.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction(
      (shown) =>
        document
          .querySelector('main .pacs-source tbody tr[data-study-uid]')
          ?.getAttribute('data-study-uid') !== shown,
      shown,
    );
  }
  await row.waitFor();
  await armPageClock(page, 'click', slices);
  await hooks.beforeOpen?.();
  await row.getByRole('button', { name: 'Open' }).click();
  await clockRead(page, ['first', 'received', 'indexed']);
  await hooks.afterLoaded?.();
  const t = await clockRead(page, []);
  return { first: t.first - t.open, received: t.received - t.open, indexed: t.indexed - t.open };
}

/** Page milliseconds from the pick of the files to the first slice painted and to all indexed. */
export interface LocalTimes {
  first: number;
  indexed: number;
}

/**
 * The same series as local files, opened by the page's own file input (what a drop or Open
 * files hands the ingest), timed as timePacsOpen is: the page's clock from the files' change
 * event (the user's pick) to the first slice painted (the goal's baseline: the PACS's first image
 * within 1.5× of it) and to the whole series indexed.
 */
export async function timeLocalOpen(
  page: Page,
  origin: string,
  files: string[],
): Promise<LocalTimes> {
  await page.goto(origin);
  const input = page.getByTestId('open-files');
  await input.waitFor({ state: 'attached' });
  await armPageClock(page, 'change', files.length);
  await input.setInputFiles(files);
  const t = await clockRead(page, ['first', 'indexed']);
  return { first: t.first - t.open, indexed: t.indexed - t.open };
}

/** The page's clock (window.t) once each of `marks` is set. */
async function clockRead(page: Page, marks: string[]): Promise<Record<string, number>> {
  await page.waitForFunction(
    (marks) => {
      const t = (window as unknown as { t: Record<string, number> }).t;
      return marks.every((m) => t[m]);
    },
    marks,
    // Polled on a timer, not every animation frame: the poll runs on the page's main thread.
    { timeout: 300_000, polling: 50 },
  );
  return page.evaluate(() => (window as unknown as { t: Record<string, number> }).t);
}

/**
 * Arms the page's clock: `open` at the first `start` event (the click on Open, or the file
 * input's change), then the first slice painted, every instance received from the PACS (none
 * for local files) and the series indexed, each once, in the page's own milliseconds (window.t).
 */
async function armPageClock(page: Page, start: 'click' | 'change', slices: number): Promise<void> {
  await page.evaluate(
    ([start, slices]) => {
      const w = window as unknown as { t: Record<string, number> };
      w.t = {};
      document.addEventListener(start, () => (w.t.open ??= performance.now()), true);
      new MutationObserver(() => {
        const now = performance.now();
        const vp = document.querySelector('[data-testid=viewport-0]');
        if (!w.t.first && vp?.getAttribute('data-rendered')) w.t.first = now;
        const got = document.querySelector('[data-testid=pacs-progress]');
        if (!w.t.received && got?.getAttribute('data-done') === String(slices)) w.t.received = now;
        const p = document.querySelector('[data-testid=load-progress]');
        const all = String(slices);
        if (!w.t.indexed && p?.getAttribute('data-done') === all)
          if (p.getAttribute('data-total') === all) w.t.indexed = now;
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    },
    [start, slices] as const,
  );
}

/**
 * How Chromium itself reads the series request in the page, nothing of ours in the way (ms from
 * the request to the body's end): `default` with the stream's default reader, each chunk an
 * array of its own, nothing kept (the figure this bench has printed as the bare read); `floor`
 * with a BYOB reader into one reused buffer, nothing kept (the fastest the page can take the
 * bytes in: what curl to /dev/null is to the command line); `kept` by arrayBuffer(), the whole
 * body kept in memory (what any client that keeps the series pays first).
 */
export type BareRead = 'default' | 'floor' | 'kept';

export async function bareRead(
  page: Page,
  study: string,
  how: BareRead = 'default',
): Promise<number> {
  return page.evaluate(
    async ({ study, how }) => {
      const base = `/dicom-web/orthanc/studies/${study}`;
      const series = (await (await fetch(`${base}/series`)).json()) as {
        '0020000E': { Value: string[] };
      }[];
      const t0 = performance.now();
      const answer = await fetch(`${base}/series/${series[0]['0020000E'].Value[0]}`, {
        headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
      });
      const body = answer.body as ReadableStream<Uint8Array>;
      if (how === 'kept') await answer.arrayBuffer();
      else if (how === 'floor') {
        const reader = body.getReader({ mode: 'byob' });
        let view = new Uint8Array(4 << 20);
        for (;;) {
          const next = await reader.read(view);
          if (next.done || !next.value) break;
          view = new Uint8Array(next.value.buffer);
        }
      } else {
        const reader = body.getReader();
        while (!(await reader.read()).done);
      }
      return performance.now() - t0;
    },
    { study, how },
  );
}

/** What a round measures beside the PACS open: Chromium's reads of the answer, local files. */
export interface Baselines {
  bare: number;
  floor: number;
  kept: number;
  localFirst: number;
  localIndexed: number;
}

/**
 * After a PACS open on `page`: Chromium's three reads of the same series answer there (then the
 * page is closed), and the same series as local files on a fresh page of the same build (the
 * goal's baseline).
 */
export async function baselines(
  page: Page,
  browser: Browser,
  origin: string,
  study: string,
  files: string[],
): Promise<Baselines> {
  const bare = await bareRead(page, study);
  const floor = await bareRead(page, study, 'floor');
  const kept = await bareRead(page, study, 'kept');
  await page.close();
  const local = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const l = await timeLocalOpen(local, origin, files);
  await local.close();
  return { bare, floor, kept, localFirst: l.first, localIndexed: l.indexed };
}

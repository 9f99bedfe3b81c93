// The first compressed frame in a fresh decode worker, per WASM codec, in Chromium. "cold": the
// worker started and answering (`ready()`, as at the file pick) and the frame decoded at once, so
// the codec's script is imported and its .wasm fetched, compiled and instantiated inside the
// decode. "warmed": `ready(true)` (as warmWorkers when studies are found, on pointing at Open, or
// the page idle) and 2.5 s idle, so the worker compiled its codecs in the background. "second":
// the cold worker's next decode of the same frame. What remains between warmed and second is
// mostly V8 compiling the functions the decode runs at their first call (lazy compilation:
// with --no-wasm-lazy-compilation warmed came within 10-25 ms of second). Each sample is a new
// browser context, so V8's per-process module cache and the code cache start empty; cold and
// warmed samples alternate. The worker is the built decode.worker from dist/, spoken to in
// Comlink's wire format; frames come from ../shared/data/dicom, and every sample's decoded
// values must be identical (a hash).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSHandle, Page } from 'playwright-core';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { previewApp } from './browser.ts';
import { report } from './report.ts';

const PORT = 4211;
const ROUNDS = 5;
/** How long a warmed worker idles before its first frame (the user choosing a study). */
const IDLE_MS = 2500;

const corpus = join(process.cwd(), '../shared/data/dicom');
const samples = [
  { codec: 'libjpeg-turbo-8bit', file: 'ct_JPEGProcess1.dcm' },
  { codec: 'charls', file: 'ct_JPEGLSLossless.dcm' },
  { codec: 'openjpeg', file: 'ct_JPEG2000LosslessOnly.dcm' },
  { codec: 'openjph', file: 'pd_HTJ2K_08_RGB.dcm' },
];

interface Sample {
  firstMs: number;
  secondMs: number;
  hash: string;
}

/** One fresh decode worker in the page: `ready`, an optional idle pause, then two decodes.
 * Plain JS in a string: tsx would wrap named functions of TypeScript in a helper the page lacks. */
const decodeTwiceInPage = `async ({ workerUrl, bytes, meta, idleMs }) => {
  const worker = new Worker(workerUrl, { type: 'module' });
  let next = 0;
  // Comlink 4's wire format: an APPLY of a top-level method, each argument RAW.
  const call = (method, ...args) =>
    new Promise((resolve, reject) => {
      const id = String(++next);
      const onMessage = (e) => {
        if (e.data.id !== id) return;
        worker.removeEventListener('message', onMessage);
        if (e.data.type === 'HANDLER') reject(new Error(JSON.stringify(e.data.value)));
        else resolve(e.data.value);
      };
      worker.addEventListener('message', onMessage);
      worker.postMessage({
        id,
        type: 'APPLY',
        path: [method],
        argumentList: args.map((value) => ({ type: 'RAW', value })),
      });
    });
  const decode = async () => {
    const t0 = performance.now();
    const r = await call('decode', new Uint8Array(bytes), meta, 0);
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    // FNV-1a over the values' bytes: the frames of every sample must agree.
    const v = new Uint8Array(r.value.values.buffer, 0, r.value.values.byteLength);
    let h = 0x811c9dc5;
    for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v[i], 0x01000193) >>> 0;
    return { ms, hash: h.toString(16) };
  };
  try {
    // As the page's warmWorkers: the warmed worker compiles its codecs; the cold one does not.
    await call('ready', idleMs > 0);
    if (idleMs > 0) await new Promise((r) => setTimeout(r, idleMs));
    const first = await decode();
    const second = await decode();
    if (first.hash !== second.hash) throw new Error('first and second decode differ');
    return { firstMs: first.ms, secondMs: second.ms, hash: first.hash };
  } finally {
    worker.terminate();
  }
}`;

async function decodeTwice(
  page: Page,
  workerUrl: string,
  bytes: number[],
  meta: unknown,
  idleMs: number,
): Promise<Sample> {
  const fn = (await page.evaluateHandle(decodeTwiceInPage)) as JSHandle<
    (a: { workerUrl: string; bytes: number[]; meta: unknown; idleMs: number }) => Promise<Sample>
  >;
  return fn.evaluate((f, a) => f(a), { workerUrl, bytes, meta, idleMs });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round1 = (x: number) => Math.round(x * 10) / 10;

export async function run(): Promise<void> {
  const worker = readdirSync('dist/assets').find((f) => /^decode\.worker-.*\.js$/.test(f));
  if (!worker) throw new Error('dist/assets has no decode.worker: run npx vite build');
  const app = await previewApp(PORT);
  try {
    for (const { codec, file } of samples) {
      const raw = new Uint8Array(readFileSync(join(corpus, file)));
      const parsed = parseInstance(raw, file);
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      const meta = JSON.parse(JSON.stringify(parsed.meta)) as unknown;
      const bytes = Array.from(raw);
      const cold: Sample[] = [];
      const warmed: Sample[] = [];
      for (let i = 0; i < ROUNDS * 2; i++) {
        // A new context per sample: no compiled module or code cache carried over.
        const context = await app.browser.newContext();
        try {
          const page = await context.newPage();
          // A page of our origin that is not the app, so no app worker compiles codecs beside us.
          await page.goto(`${app.origin}assets/${worker}`);
          const warm = i % 2 === 1;
          const s = await decodeTwice(page, `/assets/${worker}`, bytes, meta, warm ? IDLE_MS : 0);
          (warm ? warmed : cold).push(s);
        } finally {
          await context.close();
        }
      }
      const hashes = new Set([...cold, ...warmed].map((s) => s.hash));
      report({
        bench: 'codecWarm.firstDecode',
        codec,
        file,
        rounds: ROUNDS,
        coldFirstMs: round1(median(cold.map((s) => s.firstMs))),
        warmedFirstMs: round1(median(warmed.map((s) => s.firstMs))),
        secondMs: round1(median(cold.map((s) => s.secondMs))),
        identical: hashes.size === 1,
        loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      });
    }
  } finally {
    await app.close();
  }
}

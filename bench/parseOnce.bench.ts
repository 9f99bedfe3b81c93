// Header parses per file that is viewed and analysed, the way the workbench's threads handle it:
// the ingest worker parses it; the decode worker decodes a frame for the viewer; an analysis
// worker decodes it again from the file (a job whose frame is not in the cache). Each thread
// reads the file into its own bytes, as each worker does from the Blob. Parses are counted by
// core's headerParseCount (readDataSet calls); for an older commit, patch the same counter in.
// Also the time from a file's bytes to a 512² CT frame's values in a thread that did not parse it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { headerParseCount, parseInstance } from '../src/core/dicom/parse.ts';
import { medianMs, report } from './report.ts';

const corpus = join(process.cwd(), '../shared/data/dicom');

function corpusFiles(): string[] {
  return readFileSync(join(corpus, 'REFERENCE.tsv'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0]);
}

/** Parses in each thread for one file: ingest, viewer decode, analysis decode from the file. */
async function parsesPerThread(bytes: Uint8Array, file: string): Promise<number[] | null> {
  let start = headerParseCount();
  const parsed = parseInstance(bytes.slice(), file);
  if (!parsed.ok) return null;
  const counts = [headerParseCount() - start];
  for (let thread = 0; thread < 2; thread++) {
    start = headerParseCount();
    await decodeFrame(bytes.slice(), parsed.meta, 0).catch(() => undefined);
    counts.push(headerParseCount() - start);
  }
  return counts;
}

export async function run(): Promise<void> {
  const perThread = [0, 0, 0];
  let files = 0;
  let layouts = 0;
  for (const file of corpusFiles()) {
    const bytes = new Uint8Array(readFileSync(join(corpus, file)));
    const counts = await parsesPerThread(bytes, file);
    if (!counts) continue;
    files++;
    counts.forEach((n, i) => (perThread[i] += n));
    const parsed = parseInstance(bytes, file);
    if (parsed.ok && 'pixelLayout' in parsed.meta && parsed.meta.pixelLayout) layouts++;
  }
  const total = perThread.reduce((a, b) => a + b, 0);
  report({
    bench: 'dicom.header_parses_per_file',
    what: 'corpus files that parse: ingest, then a viewer decode and an analysis decode from the file',
    files,
    filesWithPixelLayout: layouts,
    parsesPerFile: Number((total / files).toFixed(3)),
    ingest: Number((perThread[0] / files).toFixed(3)),
    viewerDecode: Number((perThread[1] / files).toFixed(3)),
    analysisDecode: Number((perThread[2] / files).toFixed(3)),
  });

  // A 512² CT slice as the demo writes it: bytes to values in a thread that did not parse it.
  const ctx = newDemoContext({ slices: 1, size: 512 });
  const slice = demoSliceFile(ctx, 0);
  const parsed = parseInstance(slice.bytes, slice.name);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  const copies = Array.from({ length: 200 }, () => slice.bytes.slice());
  let next = 0;
  await decodeFrame(copies[next++], parsed.meta, 0); // warm up
  const ms = await medianMs(async () => {
    for (let i = 0; i < 10; i++) await decodeFrame(copies[next++ % copies.length], parsed.meta, 0);
  }, 15);
  const counts = await parsesPerThread(slice.bytes, slice.name);
  report({
    bench: 'dicom.decode_fresh_bytes',
    what: '512x512 16-bit CT slice: file bytes (not parsed in this thread) to modality values',
    msPerFrame: Number((ms / 10).toFixed(3)),
    parsesPerFile: counts?.reduce((a, b) => a + b, 0),
  });
}

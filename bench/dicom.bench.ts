// DICOM figures: header-parse rate over the shared corpus and decode rate per transfer syntax.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { transferSyntaxName } from '../src/core/dicom/transferSyntax.ts';
import type { InstanceMeta } from '../src/core/dicom/types.ts';
import { medianMs, report } from './report.ts';

const corpus = join(process.cwd(), '../shared/data/dicom');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? walk(path)
      : name.endsWith('.tsv') || name.endsWith('.md')
        ? []
        : [path];
  });
}

export async function run(): Promise<void> {
  const files = walk(corpus).map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const parseMs = await medianMs(() => {
    for (const f of files) parseInstance(f.bytes, f.path);
  }, 5);
  report({
    bench: 'dicom.parse',
    files: files.length,
    filesPerS: Math.round((files.length / parseMs) * 1000),
    mbPerS: Number(((totalBytes / 1e6 / parseMs) * 1000).toFixed(1)),
  });

  const bySyntax = new Map<string, { bytes: Uint8Array; meta: InstanceMeta }[]>();
  for (const f of files) {
    const parsed = parseInstance(f.bytes, f.path);
    if (!parsed.ok) continue;
    const list = bySyntax.get(parsed.meta.transferSyntaxUID) ?? [];
    list.push({ bytes: f.bytes, meta: parsed.meta });
    bySyntax.set(parsed.meta.transferSyntaxUID, list);
  }
  for (const [uid, list] of [...bySyntax].sort()) {
    const pixels = list.reduce((n, i) => n + i.meta.rows * i.meta.columns, 0);
    // Warm up once so WASM instantiation is not counted.
    for (const i of list) await decodeFrame(i.bytes, i.meta, 0);
    const ms = await medianMs(async () => {
      for (const i of list) await decodeFrame(i.bytes, i.meta, 0);
    }, 3);
    report({
      bench: 'dicom.decode',
      transferSyntax: transferSyntaxName(uid),
      files: list.length,
      mpixPerS: Number(((pixels / 1e6 / ms) * 1000).toFixed(2)),
    });
  }
}

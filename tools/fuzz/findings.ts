// Findings as files under tools/fuzz/findings/ (git-ignored): the input, and beside it a .json
// that says what happened and how to make the input again. Fixed findings that are small move
// to tools/fuzz/regressions/<target>/, where regressions.test.ts replays them.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from './campaign';
import { targets } from './targets/index';

export const FINDINGS_DIR = join(import.meta.dirname, 'findings');

/** Writes the finding (replacing a larger input of the same signature); returns its path. */
export function saveFinding(f: Finding): string {
  const dir = join(FINDINGS_DIR, f.target);
  mkdirSync(dir, { recursive: true });
  const id = createHash('sha256').update(f.signature).digest('hex').slice(0, 10);
  const base = join(dir, `${f.kind}-${id}`);
  const path = `${base}.${targets[f.target].ext}`;
  writeFileSync(path, f.bytes);
  const { bytes, ...about } = f;
  const record = { ...about, bytes: bytes.length, ms: Math.round(f.ms) };
  writeFileSync(`${base}.json`, JSON.stringify(record, null, 2) + '\n');
  return relative(process.cwd(), path);
}

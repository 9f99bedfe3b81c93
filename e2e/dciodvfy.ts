// dicom3tools' dciodvfy run on an instance a spec got back, as the PACS specs check what they store.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from './fixtures.ts';

/** dciodvfy's error lines on `bytes`, written as `name`; it must have checked them as `iod`. */
export function dciodvfyErrors(bytes: Uint8Array, name: string, iod: string): string[] {
  const path = join(mkdtempSync(join(tmpdir(), 'consilium-e2e-dciodvfy-')), name);
  writeFileSync(path, bytes);
  const check = spawnSync('dciodvfy', [path], { encoding: 'utf8' });
  expect(check.error, 'dciodvfy (dicom3tools) is installed').toBeUndefined();
  const output = `${check.stdout}${check.stderr}`;
  expect(output).toContain(iod);
  return output.split('\n').filter((l) => /^Error/.test(l));
}

// Seeds from the shared corpus, when ../shared exists beside the repository (never copied into
// it): the real DICOM files of every transfer syntax, and the hostile bundles of fuzz-repro.
// The hostile DICOM files are left out: they are their owners' regressions, and mutants of a
// 3 GiB deflate bomb would spend the run on timeouts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetName } from './target';

export const SHARED_DATA = join(import.meta.dirname, '../../../shared/data');
const MAX_SEED_BYTES = 1024 * 1024;

function files(folder: string, extensions: readonly string[]): Uint8Array[] {
  const dir = join(SHARED_DATA, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(
      (n) => extensions.some((e) => n.endsWith(e)) || (extensions.includes('') && !n.includes('.')),
    )
    .sort()
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isFile() && statSync(p).size <= MAX_SEED_BYTES)
    .map((p) => new Uint8Array(readFileSync(p)));
}

export function corpusSeeds(target: TargetName): Uint8Array[] {
  switch (target) {
    case 'dicom':
      return files('dicom', ['.dcm', '']);
    case 'zip':
    case 'bundle':
      return files('fuzz-repro/bundle', ['.zip']);
    case 'encryption':
      return files('fuzz-repro/bundle', ['.bin']);
  }
}

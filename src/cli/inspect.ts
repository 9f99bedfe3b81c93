import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inspectFile, type InspectReport } from '../core/dicom/inspectFile.ts';

const usage = 'Usage: consilium inspect <files|dirs…> [--json]\n';

async function expand(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).sort();
  const nested = await Promise.all(names.map((name) => expand(join(path, name))));
  return nested.flat();
}

function row(r: InspectReport): string {
  if (!r.ok) return `${r.path}\tERROR ${r.code}: ${r.error}`;
  const size = `${r.rows}x${r.columns}x${r.frames}`;
  const stats = `min ${r.min} max ${r.max} mean ${r.mean?.toPrecision(6)}`;
  return `${r.path}\t${r.modality}\t${r.photometricInterpretation}\t${size}\t${stats}`;
}

/** `consilium inspect`: one line per file (JSON with --json); failures are reported, not fatal. */
export async function inspectCommand(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const paths = argv.filter((a) => a !== '--json');
  if (paths.length === 0 || paths.some((p) => p.startsWith('-'))) {
    process.stderr.write(usage);
    return 2;
  }
  for (const path of paths) {
    let files: string[];
    try {
      files = await expand(path);
    } catch {
      const report: InspectReport = {
        path,
        ok: false,
        code: 'read-failed',
        error: 'no such file or folder',
      };
      process.stdout.write((json ? JSON.stringify(report) : row(report)) + '\n');
      continue;
    }
    for (const file of files) {
      let report: InspectReport;
      try {
        report = await inspectFile(new Uint8Array(await readFile(file)), file);
      } catch (e) {
        report = {
          path: file,
          ok: false,
          code: 'read-failed',
          error: `the file cannot be read (${String(e)})`,
        };
      }
      process.stdout.write((json ? JSON.stringify(report) : row(report)) + '\n');
    }
  }
  return 0;
}

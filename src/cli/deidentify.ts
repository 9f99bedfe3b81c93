// `consilium deidentify`: DICOM files in, de-identified copies out (PS3.15 E.1 Basic Profile,
// core/deid), into a folder or one zip, each named study/series/instance.dcm by its pseudonymous
// UIDs under the collaboration key, so they line up with the bundles' SR. One record per input;
// a file that cannot be de-identified is an error record and the rest go on. Everything is
// written beside its target and renamed, so an interrupted run leaves no partial file.
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { importCollaborationKey } from '../core/crypto/hmac.ts';
import type { DateHandling } from '../core/deid/dates.ts';
import { duplicateProblem } from '../core/deid/deidentifiedZip.ts';
import { deidentifyFile, type DeidFileResult } from '../core/deid/deidentifyFile.ts';
import { DeidZipWriter } from '../core/deid/zipWriter.ts';
import { ok, problemOf, type Problem, type Result } from '../core/result.ts';
import { parseCommand, parseOrUsage, UsageError } from './io/commandArgs.ts';
import { problemLine, problemAbout, writeRecord } from './io/records.ts';
import { readKeyFile } from './io/secretFile.ts';
import { walkInputs } from './io/walkInputs.ts';

const usage = `Usage: consilium deidentify <files|dirs|zips…> --out <dir | file.zip> --key-file K
  [--dates remove|shift]  (remove: dates as PS3.15 Table E.1-1 says (default); shift: every date
                          moves by the patient's keyed offset of whole days. Times are removed
                          either way)
  [--json]                (one record per input file)
  --key-file: the collaboration key file shared by the centers (its bytes less one trailing line
  end, as in the workbench), so UIDs match those in the centers' bundles.
`;

const options = {
  out: { type: 'string' },
  'key-file': { type: 'string' },
  dates: { type: 'string' },
  json: { type: 'boolean' },
} as const;

interface DeidentifyArgs {
  readonly paths: string[];
  readonly out: string;
  readonly zip: boolean;
  readonly keyFile: string;
  readonly dates: DateHandling;
  readonly json: boolean;
}

export function parseDeidentifyArgs(argv: readonly string[]): DeidentifyArgs {
  const { values: v, positionals } = parseCommand(argv, options);
  if (positionals.length === 0)
    throw new UsageError('Name the DICOM files, folders or zips to de-identify.');
  if (!v.out) throw new UsageError('--out names the folder or .zip to write.');
  if (!v['key-file'])
    throw new UsageError('--key-file names the collaboration key file (UIDs are keyed by it).');
  const dates = v.dates ?? 'remove';
  if (dates !== 'remove' && dates !== 'shift')
    throw new UsageError(`--dates is "remove" or "shift", not "${dates}".`);
  // Outputs written into a folder being read would be read again as inputs.
  const out = resolve(v.out);
  const inside = positionals.find((p) => out.startsWith(resolve(p) + sep));
  if (inside)
    throw new UsageError(`--out ${v.out} is inside the input ${inside}; write elsewhere.`);
  return {
    paths: positionals,
    out: v.out,
    zip: /\.zip$/i.test(v.out),
    keyFile: v['key-file'],
    dates,
    json: v.json ?? false,
  };
}

interface Written {
  readonly file: string;
  readonly out: string;
  readonly counts: DeidFileResult['counts'];
}

/** Where de-identified files go: a folder (each file renamed into place) or one zip. */
interface Sink {
  /** Where the file went, or undefined when that path was written already in this run. */
  put(result: DeidFileResult): Promise<string | undefined>;
  /** Finishes the output; `keep` false removes what was started. */
  close(keep: boolean): Promise<void>;
}

function folderSink(dir: string): Sink {
  const written = new Set<string>();
  const partial = `.partial-${process.pid}`;
  return {
    async put({ path, bytes }) {
      if (written.has(path)) return undefined;
      written.add(path);
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      try {
        await writeFile(target + partial, bytes);
        await rename(target + partial, target);
      } finally {
        await rm(target + partial, { force: true });
      }
      return target;
    },
    async close() {},
  };
}

async function zipSink(file: string): Promise<Sink> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  const fd = openSync(partial, 'w');
  const writer = new DeidZipWriter((chunk) => writeSync(fd, chunk));
  return {
    async put({ path, bytes }) {
      return writer.add(path, bytes) ? `${file}/${path}` : undefined;
    },
    async close(keep) {
      try {
        if (keep) writer.end();
      } finally {
        closeSync(fd);
      }
      if (keep) await rename(partial, file);
      else await rm(partial, { force: true });
    },
  };
}

function row(record: Result<Written>): string {
  return record.ok ? `${record.value.file}\t${record.value.out}` : problemLine(record.error);
}

export async function deidentifyCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseDeidentifyArgs);
  if ('exit' in args) return args.exit;
  let key;
  try {
    key = await importCollaborationKey(await readKeyFile(args.keyFile));
  } catch (e) {
    const p = problemOf(e, 'secret-file-unreadable');
    process.stderr.write(`${p.code}: ${p.reason}\n`);
    return 1;
  }
  const print = (record: Result<Written>) =>
    args.json ? writeRecord(record) : process.stdout.write(row(record) + '\n');
  const sink = args.zip ? await zipSink(args.out) : folderSink(args.out);
  let written = 0;
  let failed = 0;
  const fail = (error: Problem) => {
    failed++;
    print({ ok: false, error });
  };
  let finished = false;
  try {
    for await (const input of walkInputs(args.paths)) {
      if (!input.ok) {
        fail(input.error);
        continue;
      }
      const { file, bytes } = input.value;
      let result: DeidFileResult;
      try {
        result = await deidentifyFile(bytes, { key, dates: args.dates }, file);
      } catch (e) {
        fail(problemAbout(e, 'deid-failed', file));
        continue;
      }
      let out: string | undefined;
      try {
        out = await sink.put(result);
      } catch (e) {
        fail(problemAbout(e, 'write-failed', file));
        continue;
      }
      if (out === undefined) {
        fail(duplicateProblem(file));
        continue;
      }
      written++;
      print(ok({ file, out, counts: result.counts }));
    }
    finished = true;
  } finally {
    // A zip with nothing in it is no output: none is left behind.
    await sink.close(finished && written > 0);
  }
  process.stderr.write(
    `${written} files de-identified into ${args.out}` +
      (failed ? `; ${failed} could not be (see the error lines).\n` : '.\n'),
  );
  return failed === 0 && written > 0 ? 0 : 1;
}

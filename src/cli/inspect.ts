// `consilium inspect`: one line per file (a Result record with --json); failures are reported,
// not fatal.
import { inspectFile, type InspectReport } from '../core/dicom/inspectFile.ts';
import { fail, ok, type Problem, type Result } from '../core/result.ts';
import { parseCommand, parseOrUsage, UsageError } from './io/commandArgs.ts';
import { problemLine, writeRecord } from './io/records.ts';
import { walkInputs } from './io/walkInputs.ts';

const usage = 'Usage: consilium inspect <files|dirs|zips…> [--json]\n';

interface InspectArgs {
  paths: string[];
  json: boolean;
}

export function parseInspectArgs(argv: readonly string[]): InspectArgs {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('Give at least one DICOM file or folder.');
  return { paths: positionals, json: values.json ?? false };
}

/** The report as a record: header facts and pixel statistics, or the problem and its file. */
function recordOf(report: InspectReport): Result<Record<string, unknown>> {
  const { path, ok: good, code, error, params: named, ...facts } = report;
  if (good) return ok({ file: path, ...facts });
  // Header facts read before decoding failed help explain it (the transfer syntax, above all).
  const params: Record<string, string | number> = { file: path };
  for (const [k, v] of Object.entries(facts))
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return fail(code ?? 'read-failed', error ?? 'the file cannot be read', { ...params, ...named });
}

function row(record: Result<Record<string, unknown>>): string {
  if (!record.ok) return problemLine(record.error);
  const r = record.value;
  const size = `${r.rows}x${r.columns}x${r.frames}`;
  const stats = `min ${r.min} max ${r.max} mean ${Number(r.mean).toPrecision(6)}`;
  const note = r.note ? `\tNOTE ${r.note}` : '';
  return `${r.file}\t${r.modality}\t${r.photometricInterpretation}\t${size}\t${stats}${note}`;
}

export async function inspectCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseInspectArgs);
  if ('exit' in args) return args.exit;
  const print = (record: Result<Record<string, unknown>>) =>
    args.json ? writeRecord(record) : process.stdout.write(row(record) + '\n');
  for await (const input of walkInputs(args.paths)) {
    if (!input.ok) {
      print({ ok: false, error: input.error satisfies Problem });
      continue;
    }
    print(recordOf(await inspectFile(input.value.bytes, input.value.file)));
  }
  return 0;
}

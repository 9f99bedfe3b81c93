// CLI records: with --json every per-file or per-series line is one Result,
// {"ok":true,"value":{…}} or {"ok":false,"error":{"code","reason","params":{…,"file"}}}.
import { problemOf, type Problem, type Result } from '../../core/result.ts';

/** Any thrown value or error object as a Problem about `file` (the error's own file wins). */
export function problemAbout(e: unknown, fallbackCode: string, file: string): Problem {
  return problemOf(e, fallbackCode, { file });
}

/** One JSON line. */
export function writeRecord(record: Result<unknown>): void {
  process.stdout.write(JSON.stringify(record) + '\n');
}

/** The text form of a failed record: "file<TAB>ERROR code: reason". */
export function problemLine(error: Problem): string {
  return `${String(error.params.file ?? '')}\tERROR ${error.code}: ${error.reason}`;
}

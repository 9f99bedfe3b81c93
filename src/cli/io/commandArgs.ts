// Every command parses its options with node:util parseArgs (strict): an unknown option, a
// missing value or a stray argument is a usage error, printed with the command's usage (exit 2).
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { ProblemError } from '../../core/result.ts';

/** A bad command line: the command prints the reason and its usage, and exits with 2. */
export class UsageError extends ProblemError {
  /** A code other than 'usage' (a bad settings file) prints without the usage. */
  constructor(reason: string, code = 'usage', params: ProblemError['params'] = {}) {
    super(code, reason, params);
    this.name = 'UsageError';
  }
}

/**
 * `--reseg -1000,400` and `--low -5` mean the value, not an option: a value-taking option and
 * the argument after it are joined (`--reseg=-1000,400`) before parseArgs sees them, because
 * strict parseArgs refuses a separate value that starts with a dash.
 */
function joinValues(argv: readonly string[], options: ParseArgsOptionsConfig): string[] {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--') {
      out.push(...argv.slice(k));
      break;
    }
    const next = argv[k + 1];
    const takesValue = a.startsWith('--') && options[a.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && !next.startsWith('--')) {
      out.push(`${a}=${next}`);
      k++;
    } else out.push(a);
  }
  return out;
}

/** parseArgs, strict, with positionals and tokens (for options whose order matters). */
export function parseCommand<const O extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: O,
) {
  try {
    return parseArgs({
      args: joinValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Runs a command's parser: `--help` prints the usage (exit 0); a UsageError prints its reason
 * and the usage to stderr (exit 2). Returns the parsed arguments, or the exit code.
 */
export function parseOrUsage<A>(
  argv: readonly string[],
  usage: string,
  parse: (argv: readonly string[]) => A,
): A | { exit: number } {
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(usage);
    return { exit: 0 };
  }
  try {
    return parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.code === 'usage') process.stderr.write(`${e.reason}\n${usage}`);
    else if (options.includes('--json')) {
      const { code, reason, params } = e;
      process.stdout.write(JSON.stringify({ ok: false, error: { code, reason, params } }) + '\n');
    } else process.stderr.write(`${e.code}: ${e.reason}\n`);
    return { exit: 2 };
  }
}

/** Comma-separated numbers, exactly `count` of them. */
export function numberList(flag: string, text: string | undefined, count: number): number[] {
  const parts = (text ?? '').split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== count || parts.some((v) => !Number.isFinite(v))) {
    const what = count === 1 ? 'a number' : `${count} comma-separated numbers`;
    throw new UsageError(`--${flag} needs ${what}, got "${text ?? ''}".`);
  }
  return parts;
}

/** One finite number. */
export function numberOf(flag: string, text: string | undefined): number {
  return numberList(flag, text, 1)[0];
}

/** A whole number, `min` or more. */
export function wholeNumber(
  flag: string,
  text: string | undefined,
  min: number,
  what = '',
): number {
  const n = text === undefined || text.trim() === '' ? NaN : Number(text);
  if (!Number.isInteger(n) || n < min) {
    const of = what ? ` of ${what}` : '';
    throw new UsageError(
      `--${flag} needs a whole number${of}, ${min} or more, got "${text ?? ''}".`,
    );
  }
  return n;
}

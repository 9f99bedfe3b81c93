// The one error shape. Every worker call and every CLI record is a Result: the value, or a
// Problem whose code is stable, whose reason is plain words, and whose params carry the values
// the words were made from (the file, the limit, the size), so a message can be translated.

export type ProblemParam = string | number | boolean;

export interface Problem {
  readonly code: string;
  readonly reason: string;
  readonly params: { readonly [name: string]: ProblemParam };
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Problem };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: string,
  reason: string,
  params: Problem['params'] = {},
): Result<T> {
  return { ok: false, error: { code, reason, params } };
}

/** A Problem as something to throw inside core; callers turn it back into data with problemOf. */
export class ProblemError extends Error implements Problem {
  readonly params: Problem['params'];
  constructor(
    readonly code: string,
    readonly reason: string,
    params: Problem['params'] = {},
  ) {
    super(reason);
    this.name = 'ProblemError';
    this.params = params;
  }
}

function isParam(v: unknown): v is ProblemParam {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * Any thrown value as a plain Problem. Values that already carry a code and a reason (our own
 * error classes, LoadError, BundleError, InferenceError) keep them, and their other plain fields
 * (file, …) become params; anything else gets `fallbackCode` and its message.
 */
export function problemOf(
  e: unknown,
  fallbackCode: string,
  params: Problem['params'] = {},
): Problem {
  const source =
    e && typeof e === 'object' && 'error' in e && typeof e.error === 'object' && e.error
      ? (e.error as Record<string, unknown>) // InferenceFailure carries its plain error
      : (e as Record<string, unknown> | null);
  if (source && typeof source.code === 'string' && typeof source.reason === 'string') {
    const extra: Record<string, ProblemParam> = {};
    for (const [k, v] of Object.entries(source))
      if (k !== 'code' && k !== 'reason' && k !== 'params' && k !== 'name' && isParam(v))
        extra[k] = v;
    const own =
      source.params && typeof source.params === 'object'
        ? (source.params as Problem['params'])
        : {};
    return { code: source.code, reason: source.reason, params: { ...params, ...extra, ...own } };
  }
  const reason = e instanceof Error ? e.message : String(e);
  return { code: fallbackCode, reason, params };
}

/** Runs `work`, turning a throw into a failed Result (for worker entry points and CLI records). */
export async function attempt<T>(
  work: () => T | Promise<T>,
  fallbackCode: string,
  params: Problem['params'] = {},
): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (e) {
    return { ok: false, error: problemOf(e, fallbackCode, params) };
  }
}

// A run started from the Cohort tab: its options (startRequest.ts) checked by the CLI's own
// parsers, one option at a time so a refusal names the form field it concerns, and turned into
// the command line of the run. Every refusal is a Problem with a code the page translates.
import {
  optionsOf,
  startCommands,
  type StartCommand,
  type StartOptionName,
} from '../../core/cohort/startRequest.ts';
import { familyDefs } from '../../core/analysis/registry.ts';
import { fail, ok, ProblemError, type Problem, type Result } from '../../core/result.ts';
import { parseCohortRequest } from './cohortRequest.ts';
import type { ModelEntry } from './modelList.ts';

const allOptions: readonly StartOptionName[] = [
  'families',
  'bin-width',
  'bin-count',
  'filter',
  'model',
];
const maxFilters = 16;

export function isStartCommand(c: unknown): c is StartCommand {
  return (startCommands as readonly unknown[]).includes(c);
}

/** The option's flags as the CLI reads them. */
function argsOf(name: StartOptionName, value: string | readonly string[]): string[] {
  return typeof value === 'string' ? [`--${name}`, value] : value.flatMap((v) => [`--${name}`, v]);
}

/** The code of a refused option: a filter keeps the filter parser's own (unknown-filter, …). */
function refusal(name: StartOptionName, value: string, e: ProblemError): Problem {
  const params = { field: name, value };
  switch (name) {
    case 'families':
      return {
        code: 'bad-families',
        reason: e.reason,
        params: { ...params, known: Object.keys(familyDefs).join(', ') },
      };
    case 'bin-width':
      return { code: 'bad-bin-width', reason: e.reason, params };
    case 'bin-count':
      return { code: 'bad-bin-count', reason: e.reason, params };
    case 'filter':
      return {
        code: e.code === 'usage' ? 'bad-filter' : e.code,
        reason: e.reason,
        params: { ...e.params, ...params },
      };
    case 'model':
      return { code: 'bad-model', reason: e.reason, params };
  }
}

/** The flags of the model named `name` among the server's: none for the shipped default (as a
 * run on the command line without --model), else its files. */
function modelArgs(name: string, models: readonly ModelEntry[]): Result<string[]> {
  const m = models.find((x) => x.name === name);
  if (!m)
    return fail('unknown-model', `this server offers no model named ${name}`, {
      field: 'model',
      model: name,
      known: models.map((x) => x.name).join(', '),
    });
  return ok(m.default ? [] : ['--model', m.model, '--card', m.card]);
}

function check(command: StartCommand, path: string, args: string[]): ProblemError | null {
  try {
    parseCohortRequest(command, [path, ...args]);
    return null;
  } catch (e) {
    if (e instanceof ProblemError) return e;
    throw e;
  }
}

/** The option flags of a run of `command` over `path`, or why they are refused; a model is named
 * from `models` (the server's list). */
export function startArgs(
  command: StartCommand,
  path: string,
  options: unknown,
  models: readonly ModelEntry[] = [],
): Result<string[]> {
  if (options === undefined || options === null) return ok([]);
  if (typeof options !== 'object' || Array.isArray(options))
    return fail('bad-request', 'the options are not an object');
  const given = options as Record<string, unknown>;
  const args: string[] = [];
  for (const [key, raw] of Object.entries(given)) {
    if (!(allOptions as readonly string[]).includes(key))
      return fail('unknown-option', `there is no option ${key}`, { field: key });
    const name = key as StartOptionName;
    const value =
      name === 'filter' && Array.isArray(raw)
        ? raw.filter((v) => typeof v !== 'string' || v.trim() !== '')
        : typeof raw === 'string'
          ? raw.trim()
          : raw;
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue; // left empty
    if (!optionsOf[command].includes(name))
      return fail('option-not-for-command', `${command} takes no --${name}`, {
        field: name,
        command,
      });
    const texts =
      name === 'filter'
        ? Array.isArray(value) &&
          value.length <= maxFilters &&
          value.every((v) => typeof v === 'string')
          ? (value as string[]).map((v) => v.trim())
          : null
        : typeof value === 'string'
          ? value
          : null;
    if (texts === null) return fail('bad-request', `--${name} is not text`, { field: name });
    if (name === 'model') {
      const flags = modelArgs(texts as string, models);
      if (!flags.ok) return flags;
      // Its files still there (checked as the CLI checks them).
      const e = check(command, path, flags.value);
      if (e) return { ok: false, error: refusal(name, texts as string, e) };
      args.push(...flags.value);
      continue;
    }
    // Each filter alone, so the one refused is named.
    for (const text of typeof texts === 'string' ? [texts] : texts) {
      const e = check(command, path, argsOf(name, text));
      if (e) return { ok: false, error: refusal(name, text, e) };
    }
    args.push(...argsOf(name, texts));
  }
  if (given['bin-width'] && given['bin-count'])
    return fail('bin-width-and-count', 'give a bin width or a bin count, not both', {
      field: 'bin-count',
    });
  const e = check(command, path, args);
  if (e) return fail('bad-options', e.reason);
  return ok(args);
}

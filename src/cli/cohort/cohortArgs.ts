// The options every `consilium cohort …` and `consilium worker` takes, taken from argv before a
// command's own parser reads the rest (submit passes the rest to the features options).
import { UsageError } from '../io/commandArgs.ts';

export interface CohortArgs {
  redis?: string;
  queue?: string;
  command?: string;
  name?: string;
}

const names = ['redis', 'queue', 'command', 'name'] as const;

export function takeCohortArgs(argv: readonly string[]): { cohort: CohortArgs; rest: string[] } {
  const cohort: CohortArgs = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = names.find((n) => a === `--${n}` || a.startsWith(`--${n}=`));
    if (!name) {
      rest.push(a);
      continue;
    }
    const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`--${name} needs a value.`);
    cohort[name] = value;
  }
  return { cohort, rest };
}

// --out DIR and --resume for the commands that run over series and whose own options live
// elsewhere (features' options are shared with other commands): taken from argv before the
// command parses the rest.
import { UsageError } from './commandArgs.ts';

export interface RunArgs {
  /** The results folder: one file per series, and the merged records when the run completes. */
  readonly out?: string;
  readonly resume: boolean;
}

export const runArgsUsage = `--out DIR             a results folder: each series' records as it finishes (written whole or
                        not at all), and <command>.jsonl, every record, when the run completes
  --resume              with --out: series already in DIR are read back, not computed again`;

export function takeRunArgs(argv: readonly string[]): { run: RunArgs; rest: string[] } {
  const rest: string[] = [];
  let out: string | undefined;
  let resume = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--resume') resume = true;
    else if (a === '--out') {
      out = argv[++i];
      if (out === undefined || out.startsWith('--')) throw new UsageError('--out names a folder.');
    } else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else rest.push(a);
  }
  if (resume && !out) throw new UsageError('--resume reads the results of --out DIR; give --out.');
  return { run: { ...(out ? { out } : {}), resume }, rest };
}

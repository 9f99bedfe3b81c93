// `consilium cohort submit|status|wait|reduce`: a cohort spread over many machines (docs/cohort.md).
const usage = `Usage: consilium cohort <submit|status|wait|reduce> … (--help on each)
  submit <files|dirs…> --command features --redis URL --out DIR [features options]   queue one job per series; prints the cohort id
  status <id> --redis URL [--json]   series done, running, waiting, failed (with reasons)
  wait <id> --redis URL              until no series is left to run; exit 1 if any failed
  reduce <id> --redis URL            every record in input order into <out>/features.jsonl
Workers: consilium worker --redis URL [--jobs N].
`;

export async function cohortCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'submit':
      return (await import('./submit.ts')).submitCommand(rest);
    case 'status':
      return (await import('./status.ts')).statusCommand(rest);
    case 'wait':
      return (await import('./status.ts')).waitCommand(rest);
    case 'reduce':
      return (await import('./status.ts')).reduceCommand(rest);
    default:
      process[sub === '--help' || sub === '-h' ? 'stdout' : 'stderr'].write(usage);
      return sub === '--help' || sub === '-h' ? 0 : 2;
  }
}

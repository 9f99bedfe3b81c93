// `consilium cohort submit|status|wait|reduce`: a cohort spread over many machines (docs/cohort.md).
const usage = `Usage: consilium cohort <submit|status|wait|reduce|parquet|bundle> … (--help on each)
  submit <files|dirs…> --command features|infer|analyze --redis URL --out DIR [the command's options]   queue one job per series; prints the cohort id
  status <id> --redis URL [--json]   series done, running, waiting, failed (with reasons)
  wait <id> --redis URL              until no series is left to run; exit 1 if any failed
  reduce <id> --redis URL            every record in input order into <out>/<command>.jsonl
  parquet <DIR>                      a features results folder as one long zstd Parquet table, DIR/features.parquet
  bundle <id|DIR> --shard-size N --out DIR --key-file K   partner bundles of an analyze cohort, N series each
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
    case 'parquet':
      return parquetCommand(rest);
    case 'bundle':
      return (await import('./bundleShards.ts')).bundleCommand(rest);
    default:
      process[sub === '--help' || sub === '-h' ? 'stdout' : 'stderr'].write(usage);
      return sub === '--help' || sub === '-h' ? 0 : 2;
  }
}

async function parquetCommand(argv: string[]): Promise<number> {
  const [dir, ...more] = argv;
  if (!dir || dir.startsWith('-') || more.length > 0) {
    process.stderr.write('Usage: consilium cohort parquet <results DIR>\n');
    return 2;
  }
  const { writeFeaturesParquet } = await import('./parquet.ts');
  const { problemOf } = await import('../../core/result.ts');
  try {
    const rows = await writeFeaturesParquet(dir);
    process.stderr.write(`Wrote ${dir}/features.parquet: ${rows} feature values.\n`);
    return 0;
  } catch (e) {
    const p = problemOf(e, 'parquet-failed');
    process.stderr.write(`${p.code}: ${p.reason}\n`);
    return 1;
  }
}

// `consilium cohort bundle <id|DIR> --shard-size N --out DIR --key-file K`: partner bundles from an
// analyze cohort's results, N series per bundle, each a normal bundle that `consilium verify`
// checks on its own (its pseudonyms, per-study SRs, checksums and signature), so a cohort of
// 100,000 series is exchanged as files of a size partners can open. A study is never split across
// two bundles (its SR holds all its series); shards.json lists the bundles with their sha256.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFromResults } from '../../core/pipeline/bundleFromResults.ts';
import type { SeriesResults } from '../../core/pipeline/types.ts';
import { problemOf } from '../../core/result.ts';
import { parseCommand, parseOrUsage, UsageError, wholeNumber } from '../io/commandArgs.ts';
import { writeAtomic, type SeriesRecordFile } from '../io/resultsDir.ts';
import { readKeyFile, readPassphraseFile } from '../io/secretFile.ts';
import { signingKeyFile } from '../signingKeyFile.ts';
import { takeCohortArgs } from './cohortArgs.ts';
import { loadPlan, redisClient } from './queue.ts';

const usage = `Usage: consilium cohort bundle <cohort id --redis URL | results DIR> --shard-size N --out DIR
  --key-file K [--center NAME] [--sign-key center.jwk] [--passphrase-file F]
  [--report-dates remove|shift]

  Bundles an analyze cohort's results (or an analyze --results folder) for partners, at most N
  series per bundle (a study is never split; a study of more than N series is one bundle):
  DIR/shard-0001.zip, … each verifiable on its own, and DIR/shards.json listing them.
`;

interface Args {
  source: string;
  redis?: string;
  shardSize: number;
  out: string;
  keyFile: string;
  center: string;
  signKey?: string;
  passphraseFile?: string;
  reportDates: 'remove' | 'shift';
}

function parse(argv: readonly string[]): Args {
  const { cohort, rest } = takeCohortArgs(argv);
  const { values: v, positionals } = parseCommand(rest, {
    'shard-size': { type: 'string' },
    out: { type: 'string' },
    'key-file': { type: 'string' },
    center: { type: 'string' },
    'sign-key': { type: 'string' },
    'passphrase-file': { type: 'string' },
    'report-dates': { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new UsageError('Name one cohort id (with --redis) or one results folder.');
  if (!v.out) throw new UsageError('--out names the folder the bundles are written to.');
  // One key for every shard: partners match cases across all of them.
  if (!v['key-file']) throw new UsageError('--key-file names the collaboration key file.');
  const dates = v['report-dates'] ?? 'remove';
  if (dates !== 'remove' && dates !== 'shift')
    throw new UsageError(`--report-dates is "remove" or "shift", not "${dates}".`);
  const isDir = existsSync(positionals[0]) && statSync(positionals[0]).isDirectory();
  if (!isDir && !cohort.redis)
    throw new UsageError(`${positionals[0]} is no folder; a cohort id needs --redis URL.`);
  return {
    source: positionals[0],
    ...(!isDir ? { redis: cohort.redis } : {}),
    shardSize: wholeNumber('shard-size', v['shard-size'] ?? '', 1, 'series'),
    out: v.out,
    keyFile: v['key-file'],
    center: v.center ?? 'unnamed center',
    ...(v['sign-key'] ? { signKey: v['sign-key'] } : {}),
    ...(v['passphrase-file'] ? { passphraseFile: v['passphrase-file'] } : {}),
    reportDates: dates,
  };
}

/** The results folder and its series files in order: the cohort's input order, or by name. */
async function seriesFiles(args: Args): Promise<{ dir: string; files: string[] }> {
  if (!args.redis) {
    const dir = args.source;
    const names = (await readdir(join(dir, 'series'))).filter((n) => n.endsWith('.json')).sort();
    return { dir, files: names.map((n) => join(dir, 'series', n)) };
  }
  const redis = redisClient(args.redis);
  try {
    const plan = await loadPlan(redis, args.source);
    if (!plan) throw new UsageError(`Redis at ${args.redis} holds no cohort "${args.source}".`);
    return {
      dir: plan.out,
      files: plan.series.map((s) => join(plan.out, 'series', `${s.key}.json`)),
    };
  } finally {
    redis.disconnect();
  }
}

async function readSeries(file: string): Promise<SeriesResults[] | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null ? null : (JSON.parse(text) as SeriesRecordFile<SeriesResults>).records;
}

const studyOf = (r: SeriesResults): string | undefined =>
  (r.features[0]?.source ?? r.predictions[0]?.source)?.studyInstanceUid;

/** Studies in order of first appearance, each with its series files; shards of whole studies. */
export function shardStudies<T>(
  studies: readonly { readonly files: readonly T[] }[],
  size: number,
): T[][] {
  const shards: T[][] = [];
  let current: T[] = [];
  for (const s of studies) {
    if (current.length > 0 && current.length + s.files.length > size) {
      shards.push(current);
      current = [];
    }
    current.push(...s.files);
  }
  if (current.length > 0) shards.push(current);
  return shards;
}

export async function bundleCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parse);
  if ('exit' in args) return args.exit;
  try {
    const { dir, files } = await seriesFiles(args);
    const run = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8').catch(() => '{}')) as {
      command?: string;
    };
    if (run.command !== 'analyze')
      throw new UsageError(`${dir} holds no analyze results (its run.json is not an analyze run).`);
    // First pass: each series' study only (results are read again per shard: memory follows N).
    const byStudy = new Map<string, { files: string[] }>();
    let missing = 0;
    let empty = 0;
    for (const f of files) {
      const records = await readSeries(f);
      if (!records) {
        missing++;
        continue;
      }
      const study = records.map(studyOf).find((s) => s !== undefined);
      if (!study) {
        empty++; // nothing to share: its analysis failed
        continue;
      }
      const entry = byStudy.get(study) ?? { files: [] };
      entry.files.push(f);
      byStudy.set(study, entry);
    }
    const shards = shardStudies([...byStudy.values()], args.shardSize);
    const secret = await readKeyFile(args.keyFile);
    const passphrase = args.passphraseFile
      ? await readPassphraseFile(args.passphraseFile)
      : undefined;
    const signWith = args.signKey ? await signingKeyFile(args.signKey) : undefined;
    await mkdir(args.out, { recursive: true });
    const listed: { file: string; series: number; sha256: string }[] = [];
    const createdAt = new Date().toISOString();
    for (const [i, shard] of shards.entries()) {
      const results = (await Promise.all(shard.map(readSeries))).flatMap((r) => r ?? []);
      const bundle = await bundleFromResults({
        center: args.center,
        secret,
        features: results.flatMap((r) => r.features),
        predictions: results.flatMap((r) => r.predictions),
        labels: {},
        reportDates: args.reportDates,
        createdAt,
        ...(signWith ? { signWith } : {}),
        ...(passphrase !== undefined ? { passphrase } : {}),
      });
      const name = `shard-${String(i + 1).padStart(4, '0')}.zip`;
      await writeAtomic(join(args.out, name), bundle);
      listed.push({
        file: name,
        series: shard.length,
        sha256: createHash('sha256').update(bundle).digest('hex'),
      });
      process.stderr.write(`Wrote ${join(args.out, name)}: ${shard.length} series.\n`);
    }
    await writeAtomic(
      join(args.out, 'shards.json'),
      JSON.stringify({ center: args.center, createdAt, shards: listed }, null, 2) + '\n',
    );
    process.stdout.write(
      `Wrote ${shards.length} bundles to ${args.out}: ${listed.reduce((n, s) => n + s.series, 0)} series` +
        ` in ${byStudy.size} studies; ${empty} series without results, ${missing} not computed.\n`,
    );
    return missing > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.reason}\n`);
      return 2;
    }
    const p = problemOf(e, 'bundle-failed');
    process.stderr.write(`${p.code}: ${p.reason}\n`);
    return 1;
  }
}

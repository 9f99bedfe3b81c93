// `consilium serve [--port P] [--host H] [--dist DIR] [--pacs name=URL …]`: the built workbench
// on this machine, with each PACS reachable through the page's own origin.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCommand, parseOrUsage, UsageError, wholeNumber } from '../io/commandArgs.ts';
import { listModels } from '../cohort/modelList.ts';
import { cohortRoutes } from './cohortRoutes.ts';
import { pacsServers } from './pacsServers.ts';
import { consiliumServer } from './server.ts';

const usage = `Usage: consilium serve [--port P (default 4173)] [--host H (default 127.0.0.1)]
  [--dist DIR (default: the built app, dist/)] [--pacs name=URL …]
  [--cohorts DIR [--cohort-inputs DIR] [--models DIR]]
Serves the workbench with its security headers; /dicom-web/<name>/… is proxied to each PACS
(a DICOMweb base URL), so the page reaches the PACS through its own origin.
--cohorts DIR shows the runs (results folders) under DIR in the workbench's Cohort tab;
--cohort-inputs DIR lets the page start a run over one of DIR's folders (docs/cohort.md);
--models DIR offers its models (NAME.onnx with NAME.card.json) by name to those runs, beside the
shipped one.`;

const options = {
  port: { type: 'string' },
  host: { type: 'string' },
  dist: { type: 'string' },
  pacs: { type: 'string', multiple: true },
  cohorts: { type: 'string' },
  'cohort-inputs': { type: 'string' },
  models: { type: 'string' },
} as const;

function parseServeArgs(argv: readonly string[]) {
  const { values: v, positionals } = parseCommand(argv, options);
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const root = resolve(v.dist ?? join(import.meta.dirname, '../../../dist'));
  if (!existsSync(join(root, 'index.html')))
    throw new UsageError(`${root} holds no built app (run npm run build, or give --dist).`);
  let pacs;
  try {
    pacs = pacsServers(v.pacs ?? []);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  for (const flag of ['cohorts', 'cohort-inputs', 'models'] as const)
    if (v[flag] !== undefined && !existsSync(v[flag]))
      throw new UsageError(`--${flag}: ${v[flag]} does not exist.`);
  if (v['cohort-inputs'] && !v.cohorts)
    throw new UsageError('--cohort-inputs needs --cohorts DIR, where the runs are written.');
  if (v.models && !v['cohort-inputs'])
    throw new UsageError('--models needs --cohort-inputs DIR: models are for runs started there.');
  return {
    root,
    pacs,
    ...(v.cohorts
      ? {
          cohorts: {
            runs: resolve(v.cohorts),
            ...(v['cohort-inputs'] ? { inputs: resolve(v['cohort-inputs']) } : {}),
            ...(v.models ? { models: resolve(v.models) } : {}),
          },
        }
      : {}),
    host: v.host ?? '127.0.0.1',
    port: v.port === undefined ? 4173 : wholeNumber('port', v.port, 0, 'port'),
  };
}

export async function serveCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseServeArgs);
  if ('exit' in args) return args.exit;
  const cohorts = args.cohorts ? cohortRoutes(args.cohorts) : undefined;
  const server = consiliumServer({
    root: args.root,
    pacs: args.pacs,
    ...(cohorts ? { routes: [cohorts.route] } : {}),
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(args.port, args.host, done);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  process.stdout.write(`Consilium at http://${args.host}:${port}/\n`);
  for (const p of args.pacs)
    process.stdout.write(`  PACS ${p.name}: /dicom-web/${p.name}/ → ${p.url}\n`);
  if (args.cohorts?.models) {
    const { models, skipped } = await listModels(args.cohorts.models);
    process.stdout.write(`  Models: ${models.map((m) => m.name).join(', ')}\n`);
    for (const s of skipped)
      process.stdout.write(`  (${s} left out: no readable NAME.card.json, or a name taken)\n`);
  }
  if (args.cohorts)
    process.stdout.write(
      `  Cohort runs: ${args.cohorts.runs}` +
        (args.cohorts.inputs ? ` (runs started from ${args.cohorts.inputs})` : '') +
        '\n',
    );
  await new Promise<void>((done) => {
    const stop = () => {
      cohorts?.close();
      server.close(() => done());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

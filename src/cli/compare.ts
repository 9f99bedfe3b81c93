// `consilium compare`: verify every bundle, then print agreement figures across them. Like
// `consilium verify`, only bundles signed by a --trust key count, unless --allow-untrusted.
import { compareBundles, type Comparison } from '../core/bundle/compare.ts';
import type { Manifest } from '../core/bundle/types.ts';
import { ok } from '../core/result.ts';
import { parseCommand, parseOrUsage, UsageError } from './io/commandArgs.ts';
import { writeRecord } from './io/records.ts';
import { readVerifiedBundles } from './io/verifiedBundles.ts';

const usage =
  'Usage: consilium compare <bundle.zip> <bundle.zip>… [--json] [--feature CODE]… [--positive LABEL] [--trust partner.pem]… [--allow-untrusted] [--passphrase-file F]\n' +
  '  Every bundle must pass verification and be signed by a --trust key (your own included);\n' +
  '  --allow-untrusted also takes bundles signed by an unknown key or not signed (named on stderr).\n';

export interface CompareArgs {
  readonly bundles: string[];
  readonly json: boolean;
  readonly features: string[];
  readonly positive?: string;
  readonly trust: string[];
  readonly allowUntrusted: boolean;
  readonly passphraseFile?: string;
}

const options = {
  json: { type: 'boolean' },
  feature: { type: 'string', multiple: true },
  positive: { type: 'string' },
  trust: { type: 'string', multiple: true },
  'allow-untrusted': { type: 'boolean' },
  'passphrase-file': { type: 'string' },
} as const;

export function parseCompareArgs(argv: readonly string[]): CompareArgs {
  const { values, positionals } = parseCommand(argv, options);
  if (positionals.length === 0) throw new UsageError('Give the bundles to compare.');
  return {
    bundles: positionals,
    json: values.json ?? false,
    features: values.feature ?? [],
    positive: values.positive,
    trust: values.trust ?? [],
    allowUntrusted: values['allow-untrusted'] ?? false,
    passphraseFile: values['passphrase-file'],
  };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function text(c: Comparison): string {
  const lines = [`Centers: ${c.centers.map((x) => x.id).join(', ')}`];
  for (const l of c.labelAgreement)
    lines.push(
      `Labels ${l.a} vs ${l.b}: n=${l.n} agreement=${f3(l.percentAgreement)} kappa=${f3(l.kappa)}`,
    );
  for (const r of c.roc) {
    const ci = r.ci ? ` (95% CI ${f3(r.ci.lower)}-${f3(r.ci.upper)})` : '';
    lines.push(
      `ROC ${r.rater}: AUC=${f3(r.auc)}${ci} for "${r.positiveLabel}", ${r.positives}+/${r.negatives}-`,
    );
  }
  for (const f of c.featureAgreement) {
    const icc = f.icc ? ` ICC(2,1)=${f3(f.icc.icc21)} ICC(3,1)=${f3(f.icc.icc31)}` : '';
    const ba = f.blandAltman
      .map(
        (p) =>
          ` bias(${p.a}-${p.b})=${f3(p.result.bias)} LoA ${f3(p.result.lower)}..${f3(p.result.upper)}`,
      )
      .join('');
    lines.push(
      `Feature ${f.name} [${f.code}]: n=${f.n}${f.sameParams ? '' : ' (different parameters!)'}${icc}${ba}`,
    );
  }
  return lines.join('\n') + '\n';
}

export async function compareCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseCompareArgs);
  if ('exit' in args) return args.exit;
  const manifests: Manifest[] = [];
  try {
    const verified = await readVerifiedBundles('compare', args);
    if (!verified) return 1;
    manifests.push(...verified);
  } catch (err) {
    process.stderr.write(`consilium compare: ${(err as Error).message}\n`);
    return 2;
  }
  const comparison = compareBundles(manifests, {
    ...(args.features.length ? { features: args.features } : {}),
    ...(args.positive ? { positiveLabel: args.positive } : {}),
  });
  if (args.json) writeRecord(ok(comparison));
  else process.stdout.write(text(comparison));
  return 0;
}

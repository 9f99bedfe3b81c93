import { readFile } from 'node:fs/promises';
import { compareBundles, type Comparison } from '../core/bundle/compare.ts';
import { importPublicKey, keyFingerprint } from '../core/crypto/keys.ts';
import type { Manifest } from '../core/bundle/types.ts';
import { verifyBundle } from '../core/bundle/verifyBundle.ts';

const usage =
  'Usage: consilium compare <bundle.zip> <bundle.zip>… [--json] [--feature CODE]… [--positive LABEL] [--trust partner.pem]… [--passphrase-file F]\n';

interface CompareArgs {
  readonly bundles: string[];
  readonly json: boolean;
  readonly features: string[];
  readonly positive?: string;
  readonly trust: string[];
  readonly passphraseFile?: string;
}

function parseArgs(argv: string[]): CompareArgs | undefined {
  const args = {
    bundles: [] as string[],
    json: false,
    features: [] as string[],
    trust: [] as string[],
  } as {
    bundles: string[];
    json: boolean;
    features: string[];
    positive?: string;
    trust: string[];
    passphraseFile?: string;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a === '--json') args.json = true;
    else if (a === '--feature' && next) args.features.push(argv[++i]);
    else if (a === '--positive' && next) args.positive = argv[++i];
    else if (a === '--trust' && next) args.trust.push(argv[++i]);
    else if (a === '--passphrase-file' && next) args.passphraseFile = argv[++i];
    else if (!a.startsWith('-')) args.bundles.push(a);
    else return undefined;
  }
  return args.bundles.length > 0 ? args : undefined;
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

/** `consilium compare`: verify every bundle, then print agreement figures across them. */
export async function compareCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(usage);
    return 2;
  }
  const manifests: Manifest[] = [];
  try {
    const trustedKeys = await Promise.all(
      args.trust.map(async (f) => keyFingerprint(await importPublicKey(await readFile(f, 'utf8')))),
    );
    const passphrase = args.passphraseFile
      ? (await readFile(args.passphraseFile, 'utf8')).replace(/\r?\n$/, '')
      : undefined;
    for (const path of args.bundles) {
      const result = await verifyBundle(new Uint8Array(await readFile(path)), {
        trustedKeys,
        passphrase,
      });
      if (!result.ok) {
        // One bad bundle stops the comparison: figures over a partial set would mislead.
        process.stdout.write(
          `REJECTED ${path}: ${result.error.code}${result.error.file ? ` (${result.error.file})` : ''}: ${result.error.reason}\n`,
        );
        return 1;
      }
      manifests.push(result.bundle.manifest);
    }
  } catch (err) {
    process.stderr.write(`consilium compare: ${(err as Error).message}\n`);
    return 2;
  }
  const comparison = compareBundles(manifests, {
    ...(args.features.length ? { features: args.features } : {}),
    ...(args.positive ? { positiveLabel: args.positive } : {}),
  });
  process.stdout.write(args.json ? JSON.stringify(comparison) + '\n' : text(comparison));
  return 0;
}

// `consilium verify`: exit 0 only for a bundle that passes every check; otherwise say why.
import { readFile } from 'node:fs/promises';
import type { BundleError } from '../core/bundle/types.ts';
import { verifyBundle, type VerifyResult } from '../core/bundle/verifyBundle.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { parseCommand, parseOrUsage, UsageError } from './io/commandArgs.ts';
import { writeRecord } from './io/records.ts';
import { readTrustedKeys } from './io/trustedKeys.ts';
import { readPassphraseFile } from './io/secretFile.ts';

const usage =
  'Usage: consilium verify <bundle.zip> [--trust partner.pem|partner.jwk …] [--passphrase-file F] [--json]\n';

export interface VerifyArgs {
  readonly bundle: string;
  readonly trust: string[];
  readonly passphraseFile?: string;
  readonly json: boolean;
}

const options = {
  trust: { type: 'string', multiple: true },
  'passphrase-file': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  const { values, tokens } = parseCommand(argv, options);
  const trust: string[] = [];
  let bundle: string | undefined;
  let inTrustList = false;
  for (const t of tokens) {
    if (t.kind === 'option') {
      inTrustList = t.name === 'trust';
      if (inTrustList && t.value !== undefined) trust.push(t.value);
    } else if (t.kind === 'positional') {
      // "--trust a.pem b.pem": paths right after the trusted keys are more trusted keys, once
      // the bundle is named.
      if (inTrustList && bundle !== undefined) trust.push(t.value);
      else if (bundle === undefined) bundle = t.value;
      else throw new UsageError(`Give one bundle; "${t.value}" is a second one.`);
    }
  }
  if (bundle === undefined) throw new UsageError('Give the bundle to verify.');
  return { bundle, trust, passphraseFile: values['passphrase-file'], json: values.json ?? false };
}

/** A rejection as a Problem about the bundle; the member at fault, if any, is a param. */
export function rejection(path: string, error: BundleError): Result<never> {
  return fail(error.code, error.reason, {
    file: path,
    ...(error.file ? { member: error.file } : {}),
  });
}

function describe(result: VerifyResult, path: string): string {
  if (!result.ok) {
    const where = result.error.file ? ` (${result.error.file})` : '';
    return `REJECTED ${path}: ${result.error.code}${where}: ${result.error.reason}\n`;
  }
  const { manifest, signer } = result.bundle;
  const r = manifest.results;
  const signed = signer ? `signed by trusted key ${signer}` : 'not signed';
  return `OK ${path}: ${manifest.format} ${manifest.version} from "${manifest.center.name}" (${manifest.software.name} ${manifest.software.version}), created ${manifest.createdAt}; ${r.features.length} feature results, ${r.predictions.length} predictions, ${r.edges.length} edge summaries; ${signed}\n`;
}

export async function verifyCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseVerifyArgs);
  if ('exit' in args) return args.exit;
  let bytes: Uint8Array;
  let trustedKeys: string[];
  let passphrase: string | undefined;
  try {
    bytes = new Uint8Array(await readFile(args.bundle));
    trustedKeys = await readTrustedKeys(args.trust);
    if (args.passphraseFile) passphrase = await readPassphraseFile(args.passphraseFile);
  } catch (err) {
    process.stderr.write(`consilium verify: ${(err as Error).message}\n`);
    return 2;
  }
  const result = await verifyBundle(bytes, { trustedKeys, passphrase });
  if (args.json) {
    writeRecord(
      result.ok
        ? ok({
            file: args.bundle,
            center: result.bundle.manifest.center.name,
            createdAt: result.bundle.manifest.createdAt,
            signer: result.bundle.signer ?? null,
            members: result.bundle.manifest.members,
          })
        : rejection(args.bundle, result.error),
    );
  } else process.stdout.write(describe(result, args.bundle));
  return result.ok ? 0 : 1;
}

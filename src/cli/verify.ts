// `consilium verify`: exit 0 only for a bundle that passes every check and is signed by a key the
// user trusts (--trust); otherwise say why. --allow-untrusted also accepts an intact bundle signed
// by an unknown key (its fingerprint is printed) or not signed, because the user asked.
import { readFile } from 'node:fs/promises';
import type { BundleError } from '../core/bundle/types.ts';
import { verifyBundle, type Trust, type VerifyResult } from '../core/bundle/verifyBundle.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { parseCommand, parseOrUsage, UsageError } from './io/commandArgs.ts';
import { writeRecord } from './io/records.ts';
import { readTrustedKeys } from './io/trustedKeys.ts';
import { readPassphraseFile } from './io/secretFile.ts';

const usage =
  'Usage: consilium verify <bundle.zip> [--trust partner.pem|partner.jwk …] [--allow-untrusted] [--passphrase-file F] [--json]\n' +
  '  Exit 0 only if every check passes and a --trust key signed the bundle; --allow-untrusted also\n' +
  '  accepts a bundle signed by an unknown key (its fingerprint is printed) or not signed.\n';

export interface VerifyArgs {
  readonly bundle: string;
  readonly trust: string[];
  readonly allowUntrusted: boolean;
  readonly passphraseFile?: string;
  readonly json: boolean;
}

const options = {
  trust: { type: 'string', multiple: true },
  'allow-untrusted': { type: 'boolean' },
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
  return {
    bundle,
    trust,
    allowUntrusted: values['allow-untrusted'] ?? false,
    passphraseFile: values['passphrase-file'],
    json: values.json ?? false,
  };
}

/** A rejection as a Problem about the bundle; the member at fault and the signer are params. */
export function rejection(path: string, error: BundleError): Result<never> {
  return fail(error.code, error.reason, {
    file: path,
    ...(error.file ? { member: error.file } : {}),
    ...(error.signer ? { signer: error.signer } : {}),
  });
}

const HINT =
  "Check the key's fingerprint with the partner, then give their public key with --trust, or accept it anyway with --allow-untrusted.";

/** The one-line refusal (and, for a trust problem, what to do about it). */
export function rejectedLine(path: string, error: BundleError): string {
  const where = error.file ? ` (${error.file})` : '';
  const hint =
    error.code === 'SIGNATURE_UNTRUSTED' || error.code === 'SIGNATURE_MISSING' ? ` ${HINT}` : '';
  return `REJECTED ${path}: ${error.code}${where}: ${error.reason}${hint}\n`;
}

/** What vouches for an accepted bundle, in words. */
export function trustWords(trust: Trust): string {
  if (trust.status === 'trusted') return `signed by trusted key ${trust.signer}`;
  if (trust.status === 'unknown-signer')
    return `signed by an unknown key ${trust.signer} (not trusted; accepted because of --allow-untrusted)`;
  return 'not signed (accepted because of --allow-untrusted)';
}

function describe(result: VerifyResult, path: string): string {
  if (!result.ok) return rejectedLine(path, result.error);
  const { manifest, trust } = result.bundle;
  const r = manifest.results;
  // Names are the sender's text: quoted as JSON, so no control character reaches the terminal.
  const q = JSON.stringify;
  return `OK ${path}: ${manifest.format} ${manifest.version} from ${q(manifest.center.name)} (${q(`${manifest.software.name} ${manifest.software.version}`)}), created ${manifest.createdAt}; ${r.features.length} feature results, ${r.predictions.length} predictions, ${r.edges.length} edge summaries; ${trustWords(trust)}\n`;
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
  const result = await verifyBundle(bytes, {
    trustedKeys,
    passphrase,
    requireTrusted: !args.allowUntrusted,
  });
  if (args.json) {
    writeRecord(
      result.ok
        ? ok({
            file: args.bundle,
            center: result.bundle.manifest.center.name,
            createdAt: result.bundle.manifest.createdAt,
            trust: result.bundle.trust.status,
            signer: result.bundle.signer ?? null,
            members: result.bundle.manifest.members,
          })
        : rejection(args.bundle, result.error),
    );
  } else process.stdout.write(describe(result, args.bundle));
  return result.ok ? 0 : 1;
}

import { readFile } from 'node:fs/promises';
import { importPublicKey, keyFingerprint } from '../core/crypto/keys.ts';
import { verifyBundle, type VerifyResult } from '../core/bundle/verifyBundle.ts';

const usage =
  'Usage: consilium verify <bundle.zip> [--trust partner.pem|partner.jwk …] [--passphrase-file F] [--json]\n';

interface VerifyArgs {
  readonly bundle: string;
  readonly trust: string[];
  readonly passphraseFile?: string;
  readonly json: boolean;
}

function parseArgs(argv: string[]): VerifyArgs | undefined {
  const trust: string[] = [];
  let passphraseFile: string | undefined;
  let bundle: string | undefined;
  let json = false;
  let inTrustList = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const isPath = !a.startsWith('-');
    if (a === '--json') json = true;
    else if (a === '--trust' && argv[i + 1]) {
      trust.push(argv[++i]);
      inTrustList = true;
      continue;
    } else if (a === '--passphrase-file' && argv[i + 1]) passphraseFile = argv[++i];
    // "--trust a.pem b.pem": paths right after the first trusted key are more trusted keys.
    else if (isPath && inTrustList && bundle !== undefined) trust.push(a);
    else if (isPath && bundle === undefined) bundle = a;
    else return undefined;
    inTrustList = inTrustList && isPath;
  }
  return bundle === undefined ? undefined : { bundle, trust, passphraseFile, json };
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

/** `consilium verify`: exit 0 only for a bundle that passes every check; otherwise say why. */
export async function verifyCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(usage);
    return 2;
  }
  let bytes: Uint8Array;
  const trustedKeys: string[] = [];
  let passphrase: string | undefined;
  try {
    bytes = new Uint8Array(await readFile(args.bundle));
    for (const file of args.trust)
      trustedKeys.push(await keyFingerprint(await importPublicKey(await readFile(file, 'utf8'))));
    // The passphrase file's trailing newline is an editor's, not part of the passphrase.
    if (args.passphraseFile)
      passphrase = (await readFile(args.passphraseFile, 'utf8')).replace(/\r?\n$/, '');
  } catch (err) {
    process.stderr.write(`consilium verify: ${(err as Error).message}\n`);
    return 2;
  }
  const result = await verifyBundle(bytes, { trustedKeys, passphrase });
  if (args.json) {
    const summary = result.ok
      ? {
          ok: true,
          path: args.bundle,
          center: result.bundle.manifest.center.name,
          createdAt: result.bundle.manifest.createdAt,
          signer: result.bundle.signer ?? null,
          members: result.bundle.manifest.members,
        }
      : { ok: false, path: args.bundle, error: result.error };
    process.stdout.write(JSON.stringify(summary) + '\n');
  } else process.stdout.write(describe(result, args.bundle));
  return result.ok ? 0 : 1;
}

// The bundles a multi-bundle command (compare, study) works over, each verified first. One bad
// bundle stops the command: figures over a partial set would mislead.
import { readFile } from 'node:fs/promises';
import type { Manifest } from '../../core/bundle/types.ts';
import { verifyBundle } from '../../core/bundle/verifyBundle.ts';
import { rejectedLine, rejection, trustWords } from '../verify.ts';
import { writeRecord } from './records.ts';
import { readPassphraseFile } from './secretFile.ts';
import { readTrustedKeys } from './trustedKeys.ts';

export interface BundleArgs {
  readonly bundles: readonly string[];
  readonly trust: readonly string[];
  readonly passphraseFile?: string;
  readonly allowUntrusted: boolean;
  readonly json: boolean;
}

/** Each bundle's manifest, or null once one fails (its rejection already printed). */
export async function readVerifiedBundles(
  command: string,
  args: BundleArgs,
): Promise<Manifest[] | null> {
  const trustedKeys = await readTrustedKeys(args.trust);
  const passphrase = args.passphraseFile
    ? await readPassphraseFile(args.passphraseFile)
    : undefined;
  const manifests: Manifest[] = [];
  for (const path of args.bundles) {
    const result = await verifyBundle(new Uint8Array(await readFile(path)), {
      trustedKeys,
      passphrase,
      requireTrusted: !args.allowUntrusted,
    });
    if (!result.ok) {
      if (args.json) writeRecord(rejection(path, result.error));
      else process.stdout.write(rejectedLine(path, result.error));
      return null;
    }
    if (result.bundle.trust.status !== 'trusted')
      process.stderr.write(`consilium ${command}: ${path} is ${trustWords(result.bundle.trust)}\n`);
    manifests.push(result.bundle.manifest);
  }
  return manifests;
}

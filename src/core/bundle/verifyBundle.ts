import { decryptBundle, isEncryptedBundle } from './encryption';
import { defaultLimits, type ImportLimits } from './limits';
import { paramsHash } from './paramsHash';
import { readZipSafely } from './readZip';
import { schemaProblem } from './schema';
import { sha256Hex } from '../crypto/sha256';
import { SIGNATURE_MEMBER, verifyManifestSignature } from './signature';
import { BUNDLE_FORMAT, BundleRejected, reject, type BundleError, type Manifest } from './types';
import { MANIFEST_MEMBER } from './writeBundle';

export interface VerifyOptions {
  /** SHA-256 fingerprints (keyFingerprint) of partner public keys this center trusts. */
  readonly trustedKeys?: readonly string[];
  /** Reject unsigned bundles; on by default whenever trusted keys are given. */
  readonly requireSignature?: boolean;
  readonly passphrase?: string;
  readonly limits?: ImportLimits;
}

export interface VerifiedBundle {
  readonly manifest: Manifest;
  readonly members: ReadonlyMap<string, Uint8Array>;
  /** Fingerprint of the key that signed the manifest, when it was signed. */
  readonly signer?: string;
}

export type VerifyResult =
  | { readonly ok: true; readonly bundle: VerifiedBundle }
  | { readonly ok: false; readonly error: BundleError };

function parseManifest(bytes: Uint8Array | undefined): unknown {
  if (!bytes)
    return reject('MANIFEST_MISSING', 'The bundle has no manifest.json.', MANIFEST_MEMBER);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    return reject(
      'MANIFEST_NOT_JSON',
      `manifest.json is not valid UTF-8 JSON (${(err as Error).message}).`,
      MANIFEST_MEMBER,
    );
  }
}

function checkVersion(raw: unknown): void {
  const r = raw as { format?: unknown; version?: unknown } | null;
  if (!r || typeof r !== 'object' || r.format !== BUNDLE_FORMAT) {
    reject(
      'WRONG_FORMAT',
      `This is not a ${BUNDLE_FORMAT} (format is ${JSON.stringify(r?.format ?? null)}).`,
      MANIFEST_MEMBER,
    );
  }
  if (typeof r.version !== 'string' || !/^1\.\d+$/.test(r.version)) {
    reject(
      'UNSUPPORTED_VERSION',
      `Bundle format version ${JSON.stringify(r.version ?? null)} is not supported; this reader understands 1.x.`,
      MANIFEST_MEMBER,
    );
  }
}

async function checkMembers(
  manifest: Manifest,
  members: ReadonlyMap<string, Uint8Array>,
): Promise<void> {
  const listed = new Set(manifest.members.map((m) => m.name));
  for (const m of manifest.members) {
    const bytes = members.get(m.name);
    if (!bytes)
      reject('MEMBER_MISSING', 'A member listed in the manifest is not in the bundle.', m.name);
    if (bytes.length !== m.size)
      reject(
        'MEMBER_SIZE_MISMATCH',
        `The member has ${bytes.length} bytes; the manifest says ${m.size}.`,
        m.name,
      );
    if ((await sha256Hex(bytes)) !== m.sha256)
      reject(
        'MEMBER_HASH_MISMATCH',
        'The member was changed: its SHA-256 differs from the manifest.',
        m.name,
      );
  }
  for (const name of members.keys()) {
    if (name !== MANIFEST_MEMBER && name !== SIGNATURE_MEMBER && !listed.has(name)) {
      reject('UNLISTED_MEMBER', 'The bundle holds a member that the manifest does not list.', name);
    }
  }
}

async function checkParamsHashes(manifest: Manifest): Promise<void> {
  for (const r of [...manifest.results.features, ...manifest.results.edges]) {
    if ((await paramsHash(r.params)) !== r.paramsHash) {
      reject(
        'PARAMS_HASH_MISMATCH',
        `A result's paramsHash does not match its parameters (case ${r.caseKey}).`,
        MANIFEST_MEMBER,
      );
    }
  }
}

async function checkSignature(
  manifestBytes: Uint8Array,
  members: ReadonlyMap<string, Uint8Array>,
  options: VerifyOptions,
): Promise<string | undefined> {
  const trusted = options.trustedKeys ?? [];
  const required = options.requireSignature ?? trusted.length > 0;
  const signatureBytes = members.get(SIGNATURE_MEMBER);
  if (!signatureBytes) {
    if (required)
      reject(
        'SIGNATURE_MISSING',
        'The bundle is not signed, and this import requires a signature from a trusted partner.',
      );
    return undefined;
  }
  const signer = await verifyManifestSignature(manifestBytes, signatureBytes);
  if (trusted.length > 0 && !trusted.includes(signer)) {
    reject(
      'SIGNATURE_UNTRUSTED',
      `The bundle is signed by a key that is not among the trusted partner keys (fingerprint ${signer}).`,
      SIGNATURE_MEMBER,
    );
  }
  return signer;
}

async function verifyOrThrow(input: Uint8Array, options: VerifyOptions): Promise<VerifiedBundle> {
  const limits = options.limits ?? defaultLimits;
  if (input.length > limits.maxBundleBytes)
    reject(
      'TOO_LARGE',
      `The bundle is ${input.length} bytes; at most ${limits.maxBundleBytes} are accepted.`,
    );
  let zip = input;
  if (isEncryptedBundle(input)) {
    if (options.passphrase === undefined)
      reject('ENCRYPTED', 'The bundle is encrypted; give its passphrase to open it.');
    zip = await decryptBundle(input, options.passphrase);
  }
  const members = readZipSafely(zip, limits);
  const manifestBytes = members.get(MANIFEST_MEMBER);
  const raw = parseManifest(manifestBytes);
  checkVersion(raw);
  const problem = schemaProblem(raw);
  if (problem)
    reject(
      'SCHEMA_INVALID',
      `manifest.json does not follow the bundle schema: ${problem}.`,
      MANIFEST_MEMBER,
    );
  const manifest = raw as Manifest;
  await checkMembers(manifest, members);
  const signer = await checkSignature(manifestBytes as Uint8Array, members, options);
  await checkParamsHashes(manifest);
  return signer === undefined ? { manifest, members } : { manifest, members, signer };
}

/** Verify an imported bundle completely; any failure rejects the whole bundle with its reason. */
export async function verifyBundle(
  input: Uint8Array,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  try {
    return { ok: true, bundle: await verifyOrThrow(input, options) };
  } catch (err) {
    if (err instanceof BundleRejected) return { ok: false, error: err.error };
    throw err;
  }
}

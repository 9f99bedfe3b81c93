import { checkEncryptionHeader, decryptBundle, isEncryptedBundle } from './encryption';
import { featuresTable, predictionsTable } from './csv';
import { checkCsvMember } from './csvCheck';
import { defaultLimits, type ImportLimits } from './limits';
import { paramsHash } from './paramsHash';
import { readZipStrictly } from './readZip';
import { schemaProblem } from './schema';
import { sha256Hex } from '../crypto/sha256';
import type { JsonWebKey } from '../crypto/subtle';
import { SIGNATURE_MEMBER, verifyManifestSignature } from './signature';
import {
  parseStrictJson,
  StrictJsonError,
  strictUtf8,
  type StrictJsonErrorKind,
} from './strictJson';
import {
  BUNDLE_FORMAT,
  BundleRejected,
  reject,
  type BundleError,
  type BundleErrorCode,
  type Manifest,
} from './types';
import { MANIFEST_MEMBER } from './writeBundle';

/** Objects and arrays nested deeper than this in manifest.json reject the bundle. */
export const MANIFEST_MAX_DEPTH = 32;

/**
 * Who vouches for a bundle. An intact bundle is one of three: signed by a key the importer
 * trusts, signed by a key it does not know (anyone can make a key and claim any center name), or
 * not signed at all. Only the first says which center made it.
 */
export type Trust =
  | { readonly status: 'trusted'; readonly signer: string }
  | { readonly status: 'unknown-signer'; readonly signer: string }
  | { readonly status: 'unsigned' };

export interface VerifyOptions {
  /** SHA-256 fingerprints (keyFingerprint) of partner public keys this center trusts. */
  readonly trustedKeys?: readonly string[];
  /**
   * Reject a bundle unless a trusted key signed it (SIGNATURE_UNTRUSTED, SIGNATURE_MISSING). Off
   * by default: the result's `trust` says which of the three it is and the caller decides.
   */
  readonly requireTrusted?: boolean;
  readonly passphrase?: string;
  readonly limits?: ImportLimits;
}

export interface VerifiedBundle {
  readonly manifest: Manifest;
  readonly members: ReadonlyMap<string, Uint8Array>;
  readonly trust: Trust;
  /** Fingerprint of the key that signed the manifest (trusted or not), when it was signed. */
  readonly signer?: string;
  /** That key, so an importer can choose to trust it. */
  readonly signerKey?: JsonWebKey;
}

export type VerifyResult =
  | { readonly ok: true; readonly bundle: VerifiedBundle }
  | { readonly ok: false; readonly error: BundleError };

const STRICT_JSON_CODES: Record<StrictJsonErrorKind, [BundleErrorCode, string]> = {
  syntax: ['MANIFEST_NOT_JSON', 'manifest.json is not valid JSON'],
  'duplicate-key': [
    'MANIFEST_DUPLICATE_KEY',
    'manifest.json gives a key twice, and readers disagree on which one counts',
  ],
  'forbidden-key': [
    'MANIFEST_FORBIDDEN_KEY',
    'manifest.json uses a key that changes objects in JavaScript programs',
  ],
  'too-deep': ['MANIFEST_TOO_DEEP', 'manifest.json nests objects and arrays too deeply'],
};

/** The manifest read strictly, before anything else looks at it. */
function parseManifest(bytes: Uint8Array | undefined): unknown {
  if (!bytes)
    return reject('MANIFEST_MISSING', 'The bundle has no manifest.json.', MANIFEST_MEMBER);
  let text: string;
  try {
    text = strictUtf8(bytes);
  } catch {
    return reject('MANIFEST_NOT_JSON', 'manifest.json is not valid UTF-8.', MANIFEST_MEMBER);
  }
  try {
    return parseStrictJson(text, { maxDepth: MANIFEST_MAX_DEPTH });
  } catch (err) {
    if (!(err instanceof StrictJsonError)) throw err;
    const [code, what] = STRICT_JSON_CODES[err.kind];
    return reject(code, `${what} (${err.message}).`, MANIFEST_MEMBER);
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

/** The CSVs are what spreadsheet users open: they must show exactly the verified results. */
function checkCsvs(manifest: Manifest, members: ReadonlyMap<string, Uint8Array>): void {
  const views = [
    ['features.csv', featuresTable(manifest.results.features)],
    ['predictions.csv', predictionsTable(manifest.results.predictions)],
  ] as const;
  for (const [name, table] of views) {
    const bytes = members.get(name);
    if (!bytes) reject('MEMBER_MISSING', `Every bundle carries ${name}; this one does not.`, name);
    checkCsvMember(name, bytes, table);
  }
}

async function checkSignature(
  manifestBytes: Uint8Array,
  members: ReadonlyMap<string, Uint8Array>,
  trustedKeys: readonly string[],
): Promise<{ trust: Trust; signerKey?: JsonWebKey }> {
  const signatureBytes = members.get(SIGNATURE_MEMBER);
  if (!signatureBytes) return { trust: { status: 'unsigned' } };
  const { fingerprint, publicKey } = await verifyManifestSignature(manifestBytes, signatureBytes);
  const status = trustedKeys.includes(fingerprint) ? 'trusted' : 'unknown-signer';
  return { trust: { status, signer: fingerprint }, signerKey: publicKey };
}

/**
 * Why a bundle is not accepted as a partner's although its signature (if any) verifies, or
 * nothing when a trusted key signed it. The claimed center is quoted as JSON, so that no control
 * character in it reaches a terminal.
 */
export function trustProblem(trust: Trust, center?: string): BundleError | undefined {
  if (trust.status === 'trusted') return undefined;
  const claim = center === undefined ? 'The bundle' : `The bundle claims ${JSON.stringify(center)}`;
  if (trust.status === 'unknown-signer')
    return {
      code: 'SIGNATURE_UNTRUSTED',
      reason: `${claim} and is signed by an unknown key ${trust.signer}: not one of the trusted partner keys, so nothing shows which center made it.`,
      file: SIGNATURE_MEMBER,
      signer: trust.signer,
    };
  return {
    code: 'SIGNATURE_MISSING',
    reason: `${claim} and is not signed, so nothing shows which center made it or that nobody changed it.`,
  };
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
    // The header first: a bundle that asks for too many PBKDF2 rounds is refused before any.
    checkEncryptionHeader(input);
    if (options.passphrase === undefined)
      reject('ENCRYPTED', 'The bundle is encrypted; give its passphrase to open it.');
    zip = await decryptBundle(input, options.passphrase);
  }
  const members = await readZipStrictly(zip, limits);
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
  const { trust, signerKey } = await checkSignature(
    manifestBytes as Uint8Array,
    members,
    options.trustedKeys ?? [],
  );
  const untrusted = options.requireTrusted ? trustProblem(trust, manifest.center.name) : undefined;
  if (untrusted) throw new BundleRejected(untrusted);
  await checkParamsHashes(manifest);
  checkCsvs(manifest, members);
  return trust.status === 'unsigned'
    ? { manifest, members, trust }
    : { manifest, members, trust, signer: trust.signer, ...(signerKey ? { signerKey } : {}) };
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

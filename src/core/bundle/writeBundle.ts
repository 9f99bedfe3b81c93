import { zipSync, type Zippable } from 'fflate';
import { canonicalJson } from '../crypto/canonicalJson';
import { featuresCsv, predictionsCsv } from './csv';
import { encryptBundle } from './encryption';
import { unsafeNameReason } from './memberName';
import { sha256Hex } from '../crypto/sha256';
import { SIGNATURE_MEMBER, signManifest } from './signature';
import type { CryptoKeyHandle } from '../crypto/subtle';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleResults,
  type Manifest,
  type MemberEntry,
} from './types';

export const MANIFEST_MEMBER = 'manifest.json';

export interface BundleInput {
  readonly center: string;
  readonly software: { readonly name: string; readonly version: string };
  readonly results: BundleResults;
  /** ISO 8601 UTC; defaults to now. */
  readonly createdAt?: string;
  readonly signWith?: { readonly privateKey: CryptoKeyHandle; readonly publicKey: CryptoKeyHandle };
  readonly passphrase?: string;
  /**
   * Further members, e.g. `sr/<studyKey>.dcm`: listed in the manifest with size and SHA-256 like
   * the CSVs, so an import verifies them the same way. Names follow the schema's member pattern.
   */
  readonly extraMembers?: { readonly [name: string]: Uint8Array };
}

const MEMBER_NAME = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

function extraPayload(
  extra: { readonly [name: string]: Uint8Array } | undefined,
  taken: readonly string[],
): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(extra ?? {})) {
    const why = unsafeNameReason(name) ?? (MEMBER_NAME.test(name) ? undefined : 'bad characters');
    if (why) throw new Error(`Extra bundle member "${name}" is not allowed: ${why}.`);
    if (taken.includes(name)) throw new Error(`Extra bundle member "${name}" is reserved.`);
    out[name] = bytes;
  }
  return out;
}

// Constructed from local fields, so fflate's local-time DOS date is 1980-01-01 00:00 in any zone.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

function sortedResults(results: BundleResults): BundleResults {
  const key = (
    r: { caseKey: string; studyKey?: string; seriesKey?: string; instanceKey?: string },
    extra: string,
  ) => [r.caseKey, r.studyKey ?? '', r.seriesKey ?? '', r.instanceKey ?? '', extra].join('\u0000');
  const by = <T>(rows: readonly T[], k: (r: T) => string) =>
    [...rows].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
  return {
    features: by(results.features, (r) => key(r, `${r.roi}\u0000${r.paramsHash}`)).map((r) => ({
      ...r,
      features: [...r.features].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    })),
    predictions: by(results.predictions, (r) =>
      key(r, `${r.model.name}\u0000${r.model.version}\u0000${r.model.sha256}`),
    ),
    edges: by(results.edges, (r) => key(r, r.paramsHash)),
  };
}

/** Build the bundle: a deterministic zip (same results, same member bytes) plus a timestamped manifest. */
export async function writeBundle(input: BundleInput): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const results = sortedResults(input.results);
  const payload: Record<string, Uint8Array> = {
    'features.csv': encoder.encode(featuresCsv(results.features)),
    'predictions.csv': encoder.encode(predictionsCsv(results.predictions)),
  };
  Object.assign(
    payload,
    extraPayload(input.extraMembers, [MANIFEST_MEMBER, SIGNATURE_MEMBER, ...Object.keys(payload)]),
  );
  const members: MemberEntry[] = [];
  for (const name of Object.keys(payload).sort()) {
    members.push({ name, size: payload[name].length, sha256: await sha256Hex(payload[name]) });
  }
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    center: { name: input.center },
    software: { name: input.software.name, version: input.software.version },
    createdAt: input.createdAt ?? new Date().toISOString(),
    members,
    results,
  };
  const manifestBytes = encoder.encode(canonicalJson(manifest, 2) + '\n');
  const files: Zippable = {};
  files[MANIFEST_MEMBER] = [manifestBytes, { mtime: FIXED_MTIME }];
  if (input.signWith) {
    const signature = await signManifest(
      manifestBytes,
      input.signWith.privateKey,
      input.signWith.publicKey,
    );
    files[SIGNATURE_MEMBER] = [
      encoder.encode(canonicalJson(signature, 2) + '\n'),
      { mtime: FIXED_MTIME },
    ];
  }
  for (const m of members) files[m.name] = [payload[m.name], { mtime: FIXED_MTIME }];
  const zip = zipSync(files, { level: 6 });
  return input.passphrase === undefined ? zip : encryptBundle(zip, input.passphrase);
}

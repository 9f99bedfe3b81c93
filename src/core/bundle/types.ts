// What goes into a result bundle. Plain data, no identity: every key is an HMAC pseudonym made
// under the collaboration key (see core/deid/pseudonym.ts), so two centers can match cases
// without either one learning who the patient is.

import type { JsonValue } from '../crypto/canonicalJson';

export type { JsonValue };

/** One texture or shape feature: IBSI name, IBSI four-character code, value (null if undefined). */
export interface Feature {
  readonly name: string;
  readonly code: string;
  readonly value: number | null;
}

export interface CaseKeys {
  readonly caseKey: string;
  readonly studyKey?: string;
  readonly seriesKey?: string;
  readonly instanceKey?: string;
}

/** Features of one ROI with the parameters that produced them (discretisation, distances, ...). */
export interface FeatureResult extends CaseKeys {
  readonly roi: string;
  readonly features: readonly Feature[];
  readonly params: { readonly [key: string]: JsonValue };
  /** SHA-256 hex of the canonical JSON of params (see paramsHash). */
  readonly paramsHash: string;
  /** Ground truth for this case where the exporting center has it. */
  readonly label?: string;
}

/** A summary of one edge map, not the map itself: images never leave the center. */
export interface EdgeSummary extends CaseKeys {
  readonly params: { readonly [key: string]: JsonValue };
  readonly paramsHash: string;
  /** Fraction of pixels marked as edge, in [0, 1]. */
  readonly edgeFraction: number;
  readonly meanGradient?: number;
}

export interface ModelRef {
  readonly name: string;
  readonly version: string;
  /** SHA-256 hex of the model file, so a partner can tell two "v1" models apart. */
  readonly sha256: string;
}

export interface PredictionResult extends CaseKeys {
  readonly model: ModelRef;
  readonly probabilities: { readonly [label: string]: number };
  readonly predicted: string;
  readonly label?: string;
}

export interface BundleResults {
  readonly features: readonly FeatureResult[];
  readonly predictions: readonly PredictionResult[];
  readonly edges: readonly EdgeSummary[];
}

export interface MemberEntry {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export const BUNDLE_FORMAT = 'consilium-bundle';
export const BUNDLE_VERSION = '1.0';

export interface Manifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: string;
  readonly center: { readonly name: string };
  readonly software: { readonly name: string; readonly version: string };
  /** ISO 8601 UTC; the only field that differs between two exports of the same results. */
  readonly createdAt: string;
  readonly members: readonly MemberEntry[];
  readonly results: BundleResults;
}

/** Errors a user can meet when importing: a stable code, plain words, and the member concerned. */
export interface BundleError {
  readonly code: BundleErrorCode;
  readonly reason: string;
  readonly file?: string;
  /** The signing key's fingerprint, where the trust in it is the problem. */
  readonly signer?: string;
}

export type BundleErrorCode =
  | 'TOO_LARGE'
  | 'NOT_A_ZIP'
  | 'TOO_MANY_MEMBERS'
  | 'MEMBER_TOO_LARGE'
  | 'TOTAL_TOO_LARGE'
  | 'UNSAFE_MEMBER_NAME'
  | 'DUPLICATE_MEMBER'
  | 'UNSUPPORTED_COMPRESSION'
  // The zip must read the same in every zip reader (src/core/bundle/zip/):
  | 'ZIP_MISMATCH'
  | 'ZIP_OVERLAP'
  | 'ZIP_UNLISTED_ENTRY'
  | 'ZIP_STRAY_BYTES'
  | 'ZIP_MULTIPLE_END_RECORDS'
  | 'ZIP_SYMLINK'
  | 'ZIP_DIRECTORY'
  | 'ZIP_NOT_REGULAR'
  | 'ZIP_DUPLICATE_NAME'
  | 'ZIP_ENCRYPTED'
  | 'ZIP_UNSUPPORTED'
  | 'ZIP_CORRUPT'
  | 'ZIP_SIZE_MISMATCH'
  | 'ZIP_CRC_MISMATCH'
  | 'MANIFEST_MISSING'
  | 'MANIFEST_NOT_JSON'
  | 'MANIFEST_DUPLICATE_KEY'
  | 'MANIFEST_FORBIDDEN_KEY'
  | 'MANIFEST_TOO_DEEP'
  | 'WRONG_FORMAT'
  | 'UNSUPPORTED_VERSION'
  | 'SCHEMA_INVALID'
  | 'MEMBER_MISSING'
  | 'MEMBER_SIZE_MISMATCH'
  | 'MEMBER_HASH_MISMATCH'
  | 'UNLISTED_MEMBER'
  | 'PARAMS_HASH_MISMATCH'
  | 'CSV_MALFORMED'
  | 'CSV_FORMULA'
  | 'CSV_MISMATCH'
  | 'SIGNATURE_MALFORMED'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_UNTRUSTED'
  | 'SIGNATURE_MISSING'
  | 'ENCRYPTED'
  | 'WRONG_PASSPHRASE'
  | 'ENCRYPTION_HEADER_INVALID';

export class BundleRejected extends Error {
  constructor(readonly error: BundleError) {
    super(error.reason);
  }
}

export function reject(code: BundleErrorCode, reason: string, file?: string): never {
  throw new BundleRejected(file === undefined ? { code, reason } : { code, reason, file });
}

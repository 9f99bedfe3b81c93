// The bundle worker: building, verifying and comparing bundles happen here, never on the page.
// Each call is one core job; the message shapes live in bundleTypes.ts.
import * as Comlink from 'comlink';
import { defaultParams, type FeatureParams } from '../core/analysis/params.ts';
import { importPublicKey, keyFingerprint, exportPublicKeyPem } from '../core/crypto/keys.ts';
import type { CryptoKeyHandle } from '../core/crypto/subtle.ts';
import type { Manifest } from '../core/bundle/types.ts';
import type { DecodedFrame, InstanceMeta } from '../core/dicom/types.ts';
import { compareForView } from '../core/bundle/compareView.ts';
import { exportBundle } from '../core/pipeline/bundleFromResults.ts';
import { wholeImageFeatures } from './bundleFeatures.ts';
import { verifyForImport } from '../core/bundle/importSummary.ts';
import type { ExportRequest } from '../core/pipeline/types.ts';

export interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicPem: string;
  readonly fingerprint: string;
}

const handle = (k: CryptoKey) => k as unknown as CryptoKeyHandle;

const api = {
  wholeImageFeatures(
    seriesUid: string,
    metas: InstanceMeta[],
    frames: DecodedFrame[],
    binCount: number,
  ) {
    const params: FeatureParams = {
      ...defaultParams,
      discretisation: { kind: 'bin-count', binCount },
    };
    return wholeImageFeatures(seriesUid, metas, frames, params);
  },

  async exportBundle(req: ExportRequest): Promise<Uint8Array> {
    const bytes = await exportBundle(req);
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  verify(bytes: Uint8Array, trustedKeys: string[], passphrase?: string) {
    return verifyForImport(bytes, trustedKeys, passphrase);
  },

  /** A fresh ECDSA P-256 pair; the private half cannot be exported, even by this page. */
  async generateSigningKey(): Promise<SigningKey> {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    return {
      privateKey: pair.privateKey,
      publicKey: pair.publicKey,
      publicPem: await exportPublicKeyPem(handle(pair.publicKey)),
      fingerprint: await keyFingerprint(handle(pair.publicKey)),
    };
  },

  /** The fingerprint of a partner's PEM (or JWK) public key; throws on anything else. */
  async fingerprintOf(text: string): Promise<string> {
    return keyFingerprint(await importPublicKey(text));
  },

  compare(manifests: Manifest[], feature?: string, positiveLabel?: string) {
    return compareForView(manifests, feature, positiveLabel);
  },
};

export type BundleApi = typeof api;
Comlink.expose(api);

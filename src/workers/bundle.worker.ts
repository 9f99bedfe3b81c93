// The bundle worker: building, verifying and comparing bundles happen here, never on the page.
// Each method is one core call; every reply is a Result (core/result.ts).
import * as Comlink from 'comlink';
import { compareForView } from '../core/bundle/compareView.ts';
import { verifyForImport } from '../core/bundle/importSummary.ts';
import type { Manifest } from '../core/bundle/types.ts';
import type { DateHandling } from '../core/deid/dates.ts';
import { deidentifiedZip, type DeidentifiedZip } from '../core/deid/deidentifiedZip.ts';
import { exportPublicKeyPem, importPublicKey, keyFingerprint } from '../core/crypto/keys.ts';
import { bundleFromResults } from '../core/pipeline/bundleFromResults.ts';
import { studyView, type StudyViewOptions } from '../core/models/study/studyView.ts';
import type { ExportRequest } from '../core/pipeline/types.ts';
import { attempt, fail, ok, type Result } from '../core/result.ts';

export interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicPem: string;
  readonly fingerprint: string;
}

const api = {
  /** The bundle's bytes (transferred). */
  async exportBundle(req: ExportRequest): Promise<Result<Uint8Array>> {
    const r = await attempt(() => bundleFromResults(req), 'export-failed');
    return r.ok ? Comlink.transfer(r, [r.value.buffer as ArrayBuffer]) : r;
  },

  /** A bundle checked completely: its summary and manifest, or the first reason it fails. */
  async verify(bytes: Uint8Array, trustedKeys: string[], passphrase?: string) {
    const r = await verifyForImport(bytes, trustedKeys, passphrase);
    if (r.ok) return ok({ summary: r.summary, manifest: r.manifest });
    const { code, reason, file } = r.error;
    return fail<never>(code, reason, file ? { file } : {});
  },

  /** A fresh ECDSA P-256 pair; the private half cannot be exported, even by this page. */
  generateSigningKey(): Promise<Result<SigningKey>> {
    return attempt(async () => {
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
        'sign',
        'verify',
      ]);
      return {
        privateKey: pair.privateKey,
        publicKey: pair.publicKey,
        publicPem: await exportPublicKeyPem(pair.publicKey),
        fingerprint: await keyFingerprint(pair.publicKey),
      };
    }, 'key-failed');
  },

  /** The fingerprint of a partner's PEM (or JWK) public key. */
  fingerprintOf(text: string): Promise<Result<string>> {
    return attempt(async () => keyFingerprint(await importPublicKey(text)), 'key-invalid');
  },

  /** De-identified copies of the files as one zip (transferred), and a Problem per file left out. */
  async deidentifyDicom(
    files: readonly { readonly name: string; readonly blob: Blob }[],
    secret: Uint8Array,
    dates: DateHandling,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Result<DeidentifiedZip>> {
    const sources = files.map((f) => ({
      name: f.name,
      read: async () => new Uint8Array(await f.blob.arrayBuffer()),
    }));
    const r = await attempt(
      () => deidentifiedZip(sources, { secret, dates }, onProgress),
      'deid-failed',
    );
    return r.ok ? Comlink.transfer(r, [r.value.zip.buffer as ArrayBuffer]) : r;
  },

  compare(manifests: Manifest[], feature?: string, positiveLabel?: string) {
    return attempt(() => compareForView(manifests, feature, positiveLabel), 'compare-failed');
  },

  /** The study table of these bundles, harmonized when asked, with the center-effect figures. */
  study(manifests: Manifest[], options: StudyViewOptions) {
    return attempt(() => studyView(manifests, options), 'study-failed');
  },
};

export type BundleApi = typeof api;
Comlink.expose(api);
